/**
 * The lower-case table name a dataset entry stands for (`cdm/PERSON.csv` → `person`), or undefined
 * for entries that are no data file: directories, non-CSV files, and the junk archivers add
 * (`__MACOSX/`, AppleDouble `._*` files, other dotfiles). Paths use `/` as zip entries do (pure).
 */
export function tableNameOfFile(path: string): string | undefined {
  if (path.endsWith('/')) return undefined;
  const segments = path.split(/[\\/]/);
  if (segments.some((segment) => segment === '__MACOSX' || segment.startsWith('.'))) return undefined;
  const fileName = segments.at(-1) ?? '';
  if (!/\.csv$/i.test(fileName)) return undefined;
  return fileName.slice(0, -'.csv'.length).toLowerCase();
}
