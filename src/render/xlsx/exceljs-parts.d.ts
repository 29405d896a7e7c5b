// The two files of exceljs that writeSheets imports instead of the package's entry point, which loads all of it.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  const WorkbookWriter: typeof import('exceljs').stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

declare module 'exceljs/lib/xlsx/xform/core/app-xform.js' {
  /** Writes docProps/app.xml. */
  const AppXform: new () => { toXml(model: object): string };
  export default AppXform;
}
