import { basename } from 'node:path';

/**
 * Whose conventions a run follows. Started under the name `targetcli` (a link to lioctl
 * put in targetcli's place), lioctl follows targetcli where scripts written for it depend
 * on its behaviour: a script on stdin goes on after a failed line. Under its own name it
 * stops at the first error.
 */
export type Persona = 'lioctl' | 'targetcli';

/** The persona named by the path the program was started as (process.argv[1]). */
export function personaOf(scriptPath: string | undefined): Persona {
  return scriptPath !== undefined && basename(scriptPath) === 'targetcli' ? 'targetcli' : 'lioctl';
}
