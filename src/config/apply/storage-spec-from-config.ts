import type { StorageObjectSpec } from '../../model/index.js';
import type { StorageObjectConfig } from '../schema.js';

/** An empty serial is what a dump of an object without one says: let the model generate one. */
function serial(wwn: string | undefined): { wwn?: string } {
  return wwn === undefined || wwn === '' ? {} : { wwn };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The model's create spec for a saveconfig.json storage object: the keys rtslib passes
 * to the plugin's constructor. Attributes, identity and ALUA groups are separate
 * operations of the plan.
 */
export function storageSpecFromConfig(config: StorageObjectConfig): StorageObjectSpec {
  const name = config.name;
  switch (config.plugin) {
    case 'block':
      return { plugin: 'block', name, device: config.dev, ...serial(config.wwn), ...defined('readOnly', config.readonly), ...defined('exclusive', config.exclusive) };
    case 'fileio':
      return {
        plugin: 'fileio',
        name,
        file: config.dev,
        ...serial(config.wwn),
        ...defined('size', config.size),
        // The saved size is the state to restore, as rtslib does, even if the file changed.
        resize: true,
        ...defined('writeBack', config.write_back),
        ...defined('aio', config.aio),
      };
    case 'pscsi':
      return { plugin: 'pscsi', name, device: config.dev };
    case 'ramdisk':
      return { plugin: 'ramdisk', name, size: config.size, ...serial(config.wwn), ...defined('nullio', config.nullio) };
    case 'user': {
      // The kernel stores `<handler>/<handler config>`; the model takes them apart.
      const slash = config.config.indexOf('/');
      const handler = slash < 0 ? config.config : config.config.slice(0, slash);
      const handlerConfig = slash < 0 ? '' : config.config.slice(slash + 1);
      return {
        plugin: 'user',
        name,
        handler,
        config: handlerConfig,
        size: config.size,
        ...serial(config.wwn),
        ...defined('hwMaxSectors', config.hw_max_sectors),
        ...(config.control === undefined || config.control === '' ? {} : { control: config.control }),
      };
    }
  }
}
