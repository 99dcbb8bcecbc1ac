/* Problem details (application/problem+json) in the user's language. The API answers in English (field names and
 * messages from one list on the server); this module names the field and translates the known boundary and
 * field-work messages into Chinese, keeping anything it does not know as sent (never hiding it). */
import { CivGeoI18n } from './i18n.js';

var FIELDS = {
  zh: { condition: '状况', x: 'x（北坐标）', y: 'y（带带号的东坐标）', zone: '带号', number: '界桩编号', lineId: '界线', lineIds: '界线',
    file: '文件', version: '版本', team: '外业组', members: '组员', assignments: '分配', status: '状态', level: '级别', within: '区域',
    lon: '位置', note: '备注', inspectedOn: '检查日期', partyLeft: '左侧单位', partyRight: '右侧单位', yearFrom: '起始年', yearTo: '结束年',
    photo: '照片', name: '名称', row: '行', approvingBody: '批准机关', document: '印发文号', approvedOn: '印发日期', reason: '理由' }
};
// [regex on the English message, Chinese text with $1.. from the groups]
var MESSAGES = [
  [/^the round does not cover line (.+)$/, '该轮次不包含界线 $1'],
  [/^no open inspection round covers this line$/, '该界线没有进行中的联检轮次'],
  [/^line (.+) already has an inspection in round (.+)$/, '界线 $1 在轮次 $2 中已有检查记录'],
  [/^round (\d+) is completed$/, '联检轮次 $1 已结束'],
  [/^unknown marker (.+) on line (.+)$/, '界线 $2 上没有界桩 $1'],
  [/^marker (.+) is listed twice$/, '界桩 $1 重复出现'],
  [/^marker (.+) already exists$/, '界桩 $1 已存在'],
  [/^give x, y and zone together$/, 'x、y 和带号须同时填写'],
  [/^x and y look swapped: x is the northing, y the easting with zone prefix$/, 'x 与 y 似乎填反了：x 是北坐标，y 是带带号的东坐标'],
  [/^y (\S+) does not carry the zone prefix (\d+)$/, 'y $1 的带号与所填带号 $2 不符'],
  [/^y (\S+) is outside zone (\d+)$/, 'y $1 不在第 $2 带内'],
  [/^x (\S+) is not a northing in China$/, 'x $1 不是中国境内的北坐标'],
  [/^zone (\d+) is not a CGCS2000 3-degree zone \((.+)\)$/, '带号 $1 不是 CGCS2000 3 度带（$2）'],
  [/^must be a CGCS2000 3-degree zone 25–45$/, '须为 CGCS2000 3 度带带号 25–45'],
  [/^a missing marker cannot have a surveyed position$/, '丢失的界桩不能有实测位置'],
  [/^the position is (\d+) m from its line \(more than (\d+) m\)$/, '该位置距界线 $1 米（超过 $2 米）'],
  [/^the point is (\d+) m from the marker's line \(more than (\d+) m\)$/, '该点距界桩所在界线 $1 米（超过 $2 米）'],
  [/^must be one of \[(.+)\]$/, '须为以下之一：$1'],
  [/^is required \(the version you read\)$/, '必填（读取时的版本号）'],
  [/^is required$/, '必填'],
  [/^must not be blank$/, '不能为空'],
  [/^unknown user (.+)$/, '没有用户 $1'],
  [/^unknown line (.+)$/, '没有界线 $1'],
  [/^line (.+) is listed twice$/, '界线 $1 重复出现'],
  [/^line (.+) is of level (\d)$/, '界线 $1 属于第 $2 级'],
  [/^must be 1–100 characters$/, '须为 1–100 个字符'],
  [/^give at least one assignment$/, '至少分配一条界线'],
  [/^a photo must be JPEG, PNG or WebP$/, '照片须为 JPEG、PNG 或 WebP 图像'],
  [/^is required and must not be empty$/, '必填且不能为空'],
  [/^is too large \((.+)\)$/, '文件过大（$1）'],
  [/^must be a positive round number$/, '须为正整数轮次号'],
  [/^must be 1–4$/, '须为 1–4'],
  [/^must be a year$/, '须为年份'],
  [/^must not be before yearFrom$/, '不能早于起始年'],
  [/^(.+) (\S+) is not at version (\d+); reload it and apply your change again$/, '该记录已被他人修改（您读取的是版本 $3），请重新加载后再修改'],
  [/^(.+) (\S+) does not exist$/, '$2 不存在'],
  [/^Access Denied$/, '无权执行此操作']
];

function message(text) {
  if (CivGeoI18n.lang() !== 'zh' || !text) return text;
  for (var i = 0; i < MESSAGES.length; i++) {
    var m = MESSAGES[i][0].exec(text);
    if (m) return MESSAGES[i][1].replace(/\$(\d)/g, function (_, n) { return m[+n]; });
  }
  return text;
}
/** "markers[0].zone" → "第1项 带号"; "assignments[2].members[0]" → "第3项 组员" (Chinese), else as sent. */
function field(name) {
  if (CivGeoI18n.lang() !== 'zh' || !name) return name;
  var parts = String(name).split('.'), last = parts[parts.length - 1].replace(/\[\d+\]$/, '');
  var idx = /\[(\d+)\]/.exec(parts[0]);
  return (idx && parts.length > 1 ? '第' + (+idx[1] + 1) + '项 ' : '') + (FIELDS.zh[last] || last);
}
/** The text of an error from CivGeoApi (err.problem is the problem detail): each bad field and row named. */
function text(err) {
  var p = err && err.problem;
  if (p && p.errors && p.errors.length) {
    return p.errors.map(function (e) {
      return (e.row != null ? (CivGeoI18n.lang() === 'zh' ? '第' + e.row + '行 ' : 'row ' + e.row + ' ') : '') +
        (e.field ? field(e.field) + (CivGeoI18n.lang() === 'zh' ? '：' : ': ') : '') + message(e.message);
    }).join(CivGeoI18n.lang() === 'zh' ? '；' : '; ');
  }
  if (err && err.status === 403) return message('Access Denied');
  return message((p && p.detail) || (err && err.message) || String(err));
}
export const CivGeoProblems = { text: text, message: message, field: field, MESSAGES: MESSAGES };
