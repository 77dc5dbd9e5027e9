/** The five demo principals of the shipped policy. */
export const demoUsers = ['admin', 'dana', 'alice', 'bob', 'carol'] as const;

export type DemoUser = (typeof demoUsers)[number];
