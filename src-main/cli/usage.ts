// What `ibdesk --help` prints (and a usage error repeats): the connection options, the commands, the exit codes.
export const USAGE = `Usage: ibdesk [connection options] <command> [options]

Connection (default 127.0.0.1:7497, client id 17):
  --host HOST  --port PORT  --client-id N   a running TWS or IB Gateway with the API enabled
  --demo [--demo-accounts DU1,DU2]          the embedded demo gateway instead (with several accounts)
  --account ID                              the account to trade or show when TWS manages several
                                            (orders default to the first one)
  --json                                    machine-readable output
  --data-dir DIR                            where the order journal lives (default: the app's data directory)
  --verbose                                 log connection events to stderr

Commands:
  scan [--code TOP_PERC_GAIN] [--instrument STK] [--location STK.US.MAJOR] [--rows 20] [--out result.txt]
  quote SYMBOL...
  history SYMBOL [--duration "1 D"] [--bar "5 mins"] [--what TRADES] [--rth]
  contract SYMBOL
  chain SYMBOL [--expiry YYYYMMDD] [--strikes 10] [--out result.txt]
  order buy|sell QTY SYMBOL [--limit P | --stop P] [--tif DAY] [--outside-rth] [--yes]
  cancel ORDER_ID
  positions
  account

Exit codes: 0 ok, 2 usage, 3 TWS unreachable, 4 refused or rejected, 5 aborted, 1 unexpected.
`;
