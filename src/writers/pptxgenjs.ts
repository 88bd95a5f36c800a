import pptxgenjs from "pptxgenjs";

/**
 * The pptxgenjs class. Its types describe an ES module but its CommonJS build is
 * `module.exports = class`: under NodeNext the default import is typed as the module, while at
 * run time (the bundle, vitest) it is the class itself.
 */
export const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ??
  pptxgenjs) as unknown as typeof pptxgenjs.default;
export type Pres = InstanceType<typeof PptxGenJS>;
export type PptxSlide = ReturnType<Pres["addSlide"]>;
