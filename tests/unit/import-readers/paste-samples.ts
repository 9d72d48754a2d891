import type { ImportTable } from '../../../src/domain/import/table';
import { LEICS } from './seed-rows';

/**
 * What Word and Excel put on the clipboard when rows of a table are copied, in the
 * shape they write it (namespaced tags, conditional comments, list numbers in
 * mso-list spans, &nbsp; padding, fragment markers), with Leicestershire's rows.
 */
export const WORD_CLIPBOARD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=189 valign=top style='width:4.0cm;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span style='font-family:"Arial",sans-serif'><o:p>&nbsp;</o:p></span></p>
  </td>
  <td width=76 valign=top style='width:2.0cm'>
  <p class=MsoNormal><b><span style='font-family:"Arial",sans-serif'>Focus area<o:p></o:p></span></b></p>
  </td>
  <td width=340 valign=top style='width:9.0cm'>
  <p class=MsoNormal><b><span style='font-family:"Arial",sans-serif'>Action<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=189 rowspan=2 valign=top style='width:4.0cm'>
  <p class=MsoNormal><span style='font-family:"Arial",sans-serif'>Absence of a Joint Commissioning<span style='mso-spacerun:yes'>&nbsp; </span>Strategy<o:p></o:p></span></p>
  </td>
  <td width=76 valign=top><p class=MsoNormal>1.1<o:p></o:p></p></td>
  <td width=340 valign=top>
  <p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level3 lfo1'><![if !supportLists]><span
  style='font-family:"Arial",sans-serif;mso-list:Ignore'>1.1.1<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
  </span></span><![endif]><span style='font-family:"Arial",sans-serif'>Co-produce an accountability, governance
  and responsibility structure<o:p></o:p></span></p>
  <p class=MsoNormal><i>Lead: ${LEICS.leads.sumner}</i><o:p></o:p></p>
  <p class=MsoNormal><o:p>&nbsp;</o:p></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2'>
  <td width=76 valign=top><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>
  <td width=340 valign=top><p class=MsoNormal>${LEICS.action112}<br>(with the Parent Carer Forum)<o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:3;mso-yfti-lastrow:yes'>
  <td width=605 colspan=3 valign=top><p class=MsoNormal>Communications &#8211; IT portal<o:p></o:p></p></td>
 </tr>
</table>
<!--EndFragment-->
</body>
</html>`;

export const WORD_CLIPBOARD_TABLES: ImportTable[] = [
  {
    name: 'Pasted table',
    rows: [
      ['', 'Focus area', 'Action'],
      [LEICS.area1, '1.1', `1.1.1 ${LEICS.action111}\nLead: ${LEICS.leads.sumner}`],
      ['', '', `${LEICS.action112}\n(with the Parent Carer Forum)`],
      Array(3).fill('Communications – IT portal'),
    ],
  },
];

export const EXCEL_CLIPBOARD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
.xl65 {white-space:normal;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=576 style='border-collapse:collapse;table-layout:fixed;width:432pt'>
<!--StartFragment-->
 <col width=64 style='width:48pt'>
 <col width=0 style='display:none'>
 <col width=320 style='mso-width-source:userset;width:240pt'>
 <tr height=20 style='height:15.0pt'>
  <td height=20 width=64 style='height:15.0pt;width:48pt'>Reference</td>
  <td width=0 style='display:none'>Row id</td>
  <td class=xl65 width=320 style='width:240pt'>Action</td>
  <td width=64>Lead</td>
  <td width=64>Due date</td>
  <td width=64>RAG rating</td>
 </tr>
 <tr height=40 style='height:30.0pt'>
  <td height=40 style='height:30.0pt'>2.1.1</td>
  <td style='display:none' align=right x:num>17</td>
  <td class=xl65 width=320 style='width:240pt'>${LEICS.action211}<br
  style='mso-data-placement:same-cell' />
  ${LEICS.action212}</td>
  <td>${LEICS.leads.wile}</td>
  <td align=right x:num="44469">30/09/2021</td>
  <td>G</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 style='height:15.0pt'>2.4.4</td>
  <td style='display:none' align=right x:num>18</td>
  <td class=xl65>${LEICS.action244}</td>
  <td colspan=2 style='mso-ignore:colspan'>${LEICS.leads.young}</td>
  <td>R</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;

export const EXCEL_CLIPBOARD_TABLES: ImportTable[] = [
  {
    name: 'Pasted table',
    rows: [
      ['Reference', 'Action', 'Lead', 'Due date', 'RAG rating'],
      ['2.1.1', `${LEICS.action211}\n${LEICS.action212}`, LEICS.leads.wile, '30/09/2021', 'G'],
      ['2.4.4', LEICS.action244, LEICS.leads.young, LEICS.leads.young, 'R'],
    ],
  },
];

/** Excel's text/plain for the same rows: tabs, CRLF, a multi-line cell quoted with its quotes doubled. */
export const EXCEL_CLIPBOARD_TEXT =
  'Reference\tAction\tLead\tDue date\tRAG rating\r\n' +
  `2.1.1\t"${LEICS.action211}\n${LEICS.action212}"\t${LEICS.leads.wile}\t30/09/2021\tG\r\n` +
  `2.1.3\t"The ""${LEICS.action213}""\nagreed with parents"\t${LEICS.leads.rigby}\t\tA\r\n`;

export const EXCEL_CLIPBOARD_TEXT_TABLES: ImportTable[] = [
  {
    name: 'Pasted table',
    rows: [
      ['Reference', 'Action', 'Lead', 'Due date', 'RAG rating'],
      ['2.1.1', `${LEICS.action211}\n${LEICS.action212}`, LEICS.leads.wile, '30/09/2021', 'G'],
      ['2.1.3', `The "${LEICS.action213}"\nagreed with parents`, LEICS.leads.rigby, '', 'A'],
    ],
  },
];
