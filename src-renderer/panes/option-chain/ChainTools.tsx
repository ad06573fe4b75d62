// The chain's own tools in its toolbar: which strikes it shows (a count around the money, or a band of standard
// deviations) and which columns (bid and ask always). Both are saved in the pane's state, so the layout of the
// profile remembers them.
import { useAppStore } from '../../stores/use-app-store';
import { ListOptions } from '../../ui/Options';
import { CHAIN_FIELDS, chainFields, STRIKE_FILTERS, toggleField } from './chain-view';

export function ChainTools({ paneId }: { paneId: string }) {
  const config = useAppStore((s) => s.paneStates[paneId]?.config);
  const setPaneConfig = useAppStore((s) => s.setPaneConfig);
  const fields = chainFields(config?.columns);
  const strikes = typeof config?.strikes === 'string' ? config.strikes : '20';
  return (
    <>
      <label className="chain-strikes">
        Strikes{' '}
        <select
          aria-label="Strikes shown"
          value={STRIKE_FILTERS.some((f) => f.value === strikes) ? strikes : '20'}
          onChange={(e) => setPaneConfig(paneId, { strikes: e.target.value })}
        >
          <ListOptions items={STRIKE_FILTERS} value={(f) => f.value} label={(f) => f.label} />
        </select>
      </label>
      <details className="chain-columns">
        <summary>Columns</summary>
        <fieldset>
          <legend className="sr-only">Columns shown on each side</legend>
          {CHAIN_FIELDS.map((f) => (
            <label key={f}>
              <input
                type="checkbox"
                checked={fields.includes(f)}
                disabled={f === 'Bid' || f === 'Ask'}
                onChange={(e) => setPaneConfig(paneId, { columns: toggleField(fields, f, e.target.checked) })}
              />{' '}
              {f === 'OI' ? 'Open interest' : f}
            </label>
          ))}
        </fieldset>
      </details>
    </>
  );
}
