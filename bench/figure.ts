// One measured figure of a bench suite: value and unit, the budget it is held to, whether it met it, and (when the
// suite measured one in the same run) a baseline and the ratio to it.
export type Figure = {
  id: string;
  name: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
  baseline?: number;
  ratio?: number;
  note?: string;
};

export type Suite = () => Promise<Figure[]>;
