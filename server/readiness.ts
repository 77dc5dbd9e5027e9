/** One dependency's state, as `/readyz` reports it. */
export interface ReadinessCheck {
  name: string;
  ready: boolean;
  detail: string;
}

/** What `/readyz` needs from the composition root: the current state of each dependency. */
export type ReadinessProbe = () => Promise<ReadinessCheck[]>;
