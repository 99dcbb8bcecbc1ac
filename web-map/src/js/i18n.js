/* UI texts in Chinese (default) and English. Elements with data-i18n="key" get their text, data-i18n-label their
 * aria-label, data-i18n-placeholder their placeholder. CivGeoI18n.t(key, vars) for texts built in code. */
var texts = {
  zh: {
    demoRibbon: '演示模式：演示账号与密钥公开，勿用于生产',
    appTitle: 'CivGeo 民政地理', search: '搜索地名、地址、行政区', searchLabel: '地名地址搜索', lang: 'English',
    langLabel: '切换为英文界面', signIn: '登录', signOut: '退出', signedInAs: '已登录：{name}（{roles}）',
    layers: '图层', layersLabel: '图层与图例', divisions: '行政区划', divisionLevel: '显示级别', levelAuto: '随缩放',
    level1: '省级', level2: '地级', level3: '县级', level4: '乡级', level5: '村级',
    labels: '区划注记', boundaryLines: '界线', boundaryMarkers: '界桩', disputes: '争议区', placeNames: '地名',
    facilities: '设施', serviceAreas: '15分钟服务圈', uncovered: '未覆盖区域', choropleth: '指标专题图',
    indicator: '指标', target: '目标', pass: '达标', fail: '未达标', noData: '无数据', close: '关闭',
    panel: '详情', clickHint: '点击地图查询所在行政区与最近地址', reverse: '位置查询', divisionChain: '所在行政区划',
    nearestAddress: '最近地址', none: '无', code: '代码', level: '级别', kind: '类型', population: '人口',
    households: '户数', elderly: '60岁以上老人', area: '面积 (km²)', indicators: '规划指标', showIndicators: '查看指标',
    markers: '界桩', inspections: '巡检记录', condition: '状况', intact: '完好', damaged: '损坏', missing: '丢失',
    displaced: '移位', unknown: '未检查', recordObservation: '记录界桩检查', photo: '照片', dragToMove: '拖动界桩标记到实测位置',
    save: '保存', cancel: '取消', saved: '已保存', username: '用户名', password: '密码', loginFailed: '用户名或密码错误',
    surveyMode: '外业模式', namingScan: '大洋怪重检查', scanResults: '不规范地名检查结果', reason: '原因',
    scanSummary: '检查地名 {n} 个，不规范 {f} 个', 'check.exaggerated-word': '使用夸大用词：{t}', 'check.generic-above-rank': '通名与规模不符：{t}',
    'check.foreign-name': '使用外国人名、地名或其译音：{t}', 'check.numeric-specific': '专名只有数字：{t}',
    'check.digit-mix': '数字与文字混用：{t}', 'check.separator': '含分隔符号：{t}', 'check.latin-letters': '含拉丁字母：{t}',
    'check.vulgar-or-feudal': '含低俗或封建色彩字词：{t}', 'check.rare-character': '使用生僻字：{t}',
    'check.duplicate': '与同一区域的地名重名：{o}', 'check.homophone': '与同一区域的地名同音：{o}',
    fieldWork: '联检外业', myLines: '我的界线', planRound: '规划联检轮次', myLinesNone: '尚未分配界线', progressOf: '已检 {done} / {total} 个界桩',
    notRecorded: '未检', planArea: '区域代码', listDueLines: '列出待检界线', cycleSummary: '共 {lines} 条界线：逾期 {overdue}，今年到期 {due}，从未检查 {never}，未到期 {current}',
    noDueLines: '没有待检界线', cycleLast: '上次检查', cycleDue: '到期', team: '外业组', members: '组员（用户名）', teamDefault: '外业一组',
    inRound: '联检轮次：{name}', roundNumber: '轮次', roundYears: '年份', createRound: '创建轮次并分配', pickLines: '请至少选择一条界线',
    roundCreated: '已创建“{name}”：{lines} 条界线，{teams} 条已分配外业组', noOpenRound: '该界线没有进行中的联检轮次，不能记录检查',
    cycle_current: '未到期', cycle_due: '今年到期', cycle_overdue: '逾期', cycle_never: '从未检查',
    gkNeedX: '请填写 x（北坐标，米）', gkNeedY: '请填写 y（带带号的东坐标，米）', gkBadZone: '带号 {zone} 不是 CGCS2000 3 度带（25–45）',
    gkZoneNotPoint: '带号 {zone} 与界桩所在的第 {point} 带不符', gkSwapped: 'x 与 y 似乎填反了：x 是北坐标（7 位整数），y 是带带号的东坐标（8 位，前两位为带号），请交换后再保存',
    gkNoPrefix: 'y {y} 的前两位不是带号 {zone}', gkOutsideZone: 'y {y} 不在第 {zone} 带内', gkNotNorthing: 'x {x} 不是中国境内的北坐标',
    positionBy: '位置来源', posNone: '不改位置', posGk: '输入高斯坐标', posGps: '设备定位', posDrag: '拖动标记', gkX: 'x（北坐标）', gkY: 'y（东坐标，含带号）',
    gkZone: '带号', useGps: '获取定位', gpsAccuracy: '定位精度 ±{m} 米', gpsFailed: '无法定位：{e}', gpsWaiting: '正在定位…',
    queuedOffline: '离线：已存入待同步队列', refsPresent: '方位物完好', repainted: '已描红', photoNotImage: '照片须为 JPEG、PNG 或 WebP 图像', photoTooLarge: '照片超过 {mb} MB 上限',
    netOnline: '在线', netOffline: '离线', storageUsed: '本机存储已用 {used} MB（可用约 {quota} MB）', outboxSummary: '待同步 {n} 条，冲突 {c} 条',
    syncNow: '同步', syncResult: '已同步 {sent} 条，冲突 {c} 条，失败 {f} 条', conflictText: '冲突：期间已有他人记录为“{theirs}”，您的记录未覆盖',
    keepMine: '以我的为准', keepTheirs: '放弃我的', downloaded: '已下载离线包 {mb} MB（{files} 个文件）', dropPackage: '删除离线包',
    downloadPackage: '下载离线包', downloading: '下载中 {n}/{total}', dropHasQueued: '该界线还有未同步的记录，不能删除离线包',
    doc_agreement: '界线协议书', doc_annex: '附件', doc_description: '走向说明', doc_document: '文档', outputs: '成果与外业包',
    show: '查看', peaceRate: '平安边界创建率', peaceRateRow: '已创建 {signed} / {lines} 条，{rate}', patrolsOverdue: '逾期未巡查', daysOverdue: '逾期 {d} 天', registerPdf: '界桩登记表 PDF', coordinatesPdf: '界桩成果表 PDF', packageZip: '外业包 ZIP', packageGpkg: 'GeoPackage', packageDxf: 'DXF（CAD）',
    roundReportPdf: '联检报告 PDF', management: '界线管理', peaceBorder: '平安边界', custodian: '管护责任人', redemarcation: '重新勘界',
    peace_planned: '计划创建', peace_negotiating: '协商中', peace_signed: '已签订', peace_lapsed: '已失效', patrolDue: '下次巡查 {d}',
    redemarcationOpen: '待办（{on} 起）', agreementDone: '新协议书', markersDone: '新界桩', descriptionDone: '新走向说明',
    export: '导出', loading: '加载中…', noResults: '无结果', zoom: '缩放级别', coordinates: '坐标',
    facility: '设施', serviceArea: '服务圈', capacity: '规模', address: '地址', notAvailable: '该功能尚未部署',
    legendTarget: '目标 {target}', history: '历史', notes: '备注', offline: '离线底图（本系统行政区划数据）',
    errorPrefix: '错误：', fly: '定位到',
    plans: '规划', plan: '规划', planView: '评估', planView_current: '当前进度', planView_midterm: '中期评估', planView_final: '总结评估',
    planBaseline: '基期值', planLatest: '最新值', planProgress: '进度', planOnTrack: '符合进度', planBehind: '滞后',
    planBinding: '约束性', planExpected: '预期性', demographicsYear: '人口数据年份', planNone: '尚无规划，请导入规划模板', planSummary: '符合进度 {on} 项，滞后 {off} 项，无数据 {none} 项',
    planTargets: '规划目标', planChoropleth: '规划指标专题图', planScreenings: '筛查', planFound: '共 {n} 个',
    'screen_community-households': '户数不足1000或超过5000户的社区', 'screen_township-burial': '无公益性安葬设施的乡镇（街道）'
  },
  en: {
    demoRibbon: 'DEMO MODE: demo accounts and key are public, not for production',
    appTitle: 'CivGeo civil-affairs map', search: 'Search place names, addresses, divisions', searchLabel: 'Place and address search',
    lang: '中文', langLabel: 'Switch to Chinese', signIn: 'Sign in', signOut: 'Sign out', signedInAs: 'Signed in: {name} ({roles})',
    layers: 'Layers', layersLabel: 'Layers and legend', divisions: 'Divisions', divisionLevel: 'Level shown', levelAuto: 'Follow zoom',
    level1: 'Province', level2: 'Prefecture', level3: 'County', level4: 'Township', level5: 'Village',
    labels: 'Division labels', boundaryLines: 'Boundary lines', boundaryMarkers: 'Boundary markers', disputes: 'Disputes',
    placeNames: 'Place names', facilities: 'Facilities', serviceAreas: '15-minute service areas', uncovered: 'Uncovered areas',
    choropleth: 'Indicator map', indicator: 'Indicator', target: 'Target', pass: 'Meets target', fail: 'Below target',
    noData: 'No data', close: 'Close', panel: 'Details', clickHint: 'Click the map for the division and nearest address there',
    reverse: 'Location', divisionChain: 'Divisions', nearestAddress: 'Nearest address', none: 'None', code: 'Code', level: 'Level',
    kind: 'Kind', population: 'Population', households: 'Households', elderly: 'Aged 60+', area: 'Area (km²)',
    indicators: 'Planning indicators', showIndicators: 'Indicators', markers: 'Markers', inspections: 'Inspections',
    condition: 'Condition', intact: 'Intact', damaged: 'Damaged', missing: 'Missing', displaced: 'Displaced', unknown: 'Not inspected',
    recordObservation: 'Record marker inspection', photo: 'Photo', dragToMove: 'Drag the marker to its measured position',
    save: 'Save', cancel: 'Cancel', saved: 'Saved', username: 'User name', password: 'Password', loginFailed: 'Wrong user name or password',
    surveyMode: 'Survey mode', namingScan: 'Naming check', scanResults: 'Non-standard names found', reason: 'Reason',
    scanSummary: '{n} names checked, {f} non-standard',
    fieldWork: 'Field work', myLines: 'My lines', planRound: 'Plan a round', myLinesNone: 'No lines assigned yet', progressOf: '{done} of {total} markers inspected',
    notRecorded: 'not yet', planArea: 'Area code', listDueLines: 'List lines due', cycleSummary: '{lines} lines: {overdue} overdue, {due} due this year, {never} never inspected, {current} current',
    noDueLines: 'No lines due', cycleLast: 'Last inspected', cycleDue: 'Due', team: 'Team', members: 'Members (user names)', teamDefault: 'Team 1',
    inRound: 'Round: {name}', roundNumber: 'Round', roundYears: 'Years', createRound: 'Create round and assign', pickLines: 'Pick at least one line',
    roundCreated: 'Created "{name}": {lines} lines, {teams} assigned to teams', noOpenRound: 'No open inspection round covers this line: nothing can be recorded',
    cycle_current: 'current', cycle_due: 'due this year', cycle_overdue: 'overdue', cycle_never: 'never inspected',
    gkNeedX: 'Enter x (northing, m)', gkNeedY: 'Enter y (easting with zone prefix, m)', gkBadZone: 'zone {zone} is not a CGCS2000 3-degree zone (25–45)',
    gkZoneNotPoint: 'zone {zone} is not the zone of the marker ({point})', gkSwapped: 'x and y look swapped: x is the northing (7 digits), y the easting with the zone prefix (8 digits, first two the zone); swap them',
    gkNoPrefix: 'y {y} does not start with zone {zone}', gkOutsideZone: 'y {y} is outside zone {zone}', gkNotNorthing: 'x {x} is not a northing in China',
    positionBy: 'Position from', posNone: 'unchanged', posGk: 'typed Gauss–Krüger', posGps: 'device GPS', posDrag: 'dragging', gkX: 'x (northing)', gkY: 'y (easting with zone)',
    gkZone: 'Zone', useGps: 'Locate', gpsAccuracy: 'accuracy ±{m} m', gpsFailed: 'no position: {e}', gpsWaiting: 'locating…',
    queuedOffline: 'Offline: kept in the outbox until the network is back', refsPresent: 'Reference objects intact', repainted: 'Repainted', photoNotImage: 'A photo must be a JPEG, PNG or WebP image', photoTooLarge: 'The photo is over the {mb} MB limit',
    netOnline: 'Online', netOffline: 'Offline', storageUsed: 'Storage used on this device {used} MB (about {quota} MB available)', outboxSummary: '{n} waiting to sync, {c} conflicts',
    syncNow: 'Sync', syncResult: '{sent} synced, {c} conflicts, {f} failed', conflictText: 'Conflict: meanwhile someone recorded "{theirs}"; yours did not overwrite it',
    keepMine: 'Keep mine', keepTheirs: 'Discard mine', downloaded: 'Package downloaded {mb} MB ({files} files)', dropPackage: 'Drop package',
    downloadPackage: 'Download for offline', downloading: 'Downloading {n}/{total}', dropHasQueued: 'Observations of this line wait to sync: the package cannot be dropped',
    doc_agreement: 'Agreement', doc_annex: 'Annex', doc_description: 'Line description', doc_document: 'Document', outputs: 'Outputs and field package',
    show: 'Show', peaceRate: 'Peaceful-border creation rate', peaceRateRow: '{signed} of {lines} lines, {rate}', patrolsOverdue: 'Patrols overdue', daysOverdue: '{d} days overdue', registerPdf: 'Marker register PDF', coordinatesPdf: 'Marker coordinates PDF', packageZip: 'Field package ZIP', packageGpkg: 'GeoPackage', packageDxf: 'DXF (CAD)',
    roundReportPdf: 'Round report PDF', management: 'Management', peaceBorder: 'Peaceful border', custodian: 'Custodian', redemarcation: 'Re-demarcation',
    peace_planned: 'planned', peace_negotiating: 'negotiating', peace_signed: 'signed', peace_lapsed: 'lapsed', patrolDue: 'next patrol {d}',
    redemarcationOpen: 'open (since {on})', agreementDone: 'new agreement', markersDone: 'new markers', descriptionDone: 'new description',
    export: 'Export', loading: 'Loading…', noResults: 'No results', zoom: 'Zoom', coordinates: 'Coordinates',
    facility: 'Facility', serviceArea: 'Service area', capacity: 'Capacity', address: 'Address', notAvailable: 'Not deployed yet',
    legendTarget: 'target {target}', history: 'History', notes: 'Notes', offline: 'Offline base (own division data)',
    errorPrefix: 'Error: ', fly: 'Go to',
    plans: 'Plans', plan: 'Plan', planView: 'Evaluation', planView_current: 'Current progress', planView_midterm: 'Mid-term evaluation',
    planView_final: 'Final evaluation', planBaseline: 'Baseline', planLatest: 'Latest', planProgress: 'Progress', planOnTrack: 'On track',
    planBehind: 'Behind', planBinding: 'binding', planExpected: 'expected', demographicsYear: 'Figures of year', planNone: 'No plans yet: import a plan template',
    planSummary: '{on} on track, {off} behind, {none} without data', planTargets: 'Plan targets', planChoropleth: 'Plan indicator map',
    planScreenings: 'Screenings', planFound: '{n} found',
    'screen_community-households': 'Communities under 1,000 or over 5,000 households', 'screen_township-burial': 'Townships without a public burial facility'
  }
};
var lang = (typeof localStorage !== 'undefined' && localStorage.getItem('civgeo.lang')) || 'zh';
var listeners = [];

function t(key, vars) {
  var s = (texts[lang] && texts[lang][key]) || texts.zh[key] || key;
  if (vars) Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
  return s;
}
function apply(root) {
  (root || document).querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
  (root || document).querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
  (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder'))); });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
}
function setLang(l) {
  lang = l; try { localStorage.setItem('civgeo.lang', l); } catch (e) { /* private mode */ }
  apply(); listeners.forEach(function (fn) { fn(l); });
}
export const CivGeoI18n = { texts: texts, t: t, apply: apply, setLang: setLang, lang: function () { return lang; }, onChange: function (fn) { listeners.push(fn); } };
