"use strict";
// danfojs-node imports xlsx for readExcel/toExcel. The workbook never touches Excel,
// so any call here fails loudly instead of silently doing nothing.
function unsupported() {
  throw new Error("Excel support is not installed in this workbook (xlsx is a local stub). Use CSV instead.");
}
module.exports = { readFile: unsupported, read: unsupported, writeFile: unsupported, utils: new Proxy({}, { get: () => unsupported }) };
