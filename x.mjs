import { XMLBuilder } from 'fast-xml-parser';
console.log(new XMLBuilder({ ignoreAttributes: false, format: true }).build({ a: { '@_m': 'x &#0; &amp; <\u0000', '#text': 't &bogus; ]]> \u0007' } }));
