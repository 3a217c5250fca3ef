/** The `statecraft backtest energy` command. */
import type { PackageCommand } from '../../../src/builder';
import { backtestCommand } from './backtest';

export const energyCommands: readonly PackageCommand[] = [backtestCommand];
