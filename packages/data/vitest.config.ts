import { vitestConfig } from '../../tooling/vitest.shared.ts';

export default vitestConfig;
