/** The `statecraft brand` commands: train, evaluate and analyze against a running server. */
import type { PackageCommand } from '../../../src/builder';
import { analyzeCommand } from './analyze';
import { evaluateCommand } from './evaluate';
import { trainCommand } from './train';

export const brandCommands: readonly PackageCommand[] = [trainCommand, evaluateCommand, analyzeCommand];
