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
    export: '导出', loading: '加载中…', noResults: '无结果', zoom: '缩放级别', coordinates: '坐标',
    facility: '设施', serviceArea: '服务圈', capacity: '规模', address: '地址', notAvailable: '该功能尚未部署',
    legendTarget: '目标 {target}', history: '历史', notes: '备注', offline: '离线底图（本系统行政区划数据）',
    errorPrefix: '错误：', fly: '定位到',
    plans: '规划', plan: '规划', planView: '评估', planView_current: '当前进度', planView_midterm: '中期评估', planView_final: '总结评估',
    planBaseline: '基期值', planLatest: '最新值', planProgress: '进度', planOnTrack: '符合进度', planBehind: '滞后',
    planBinding: '约束性', planExpected: '预期性', demographicsYear: '人口数据年份', planNone: '尚无规划，请导入规划模板', planSummary: '符合进度 {on} 项，滞后 {off} 项，无数据 {none} 项',
    planTargets: '规划目标', planChoropleth: '规划指标专题图', planScreenings: '筛查', planFound: '共 {n} 个',
    'screen_community-households': '户数不足1000或超过5000户的社区', 'screen_township-burial': '无公益性安葬设施的乡镇（街道）',
    adjPanel: '区划调整', adjSignIn: '请先登录（规划人员或管理员）', adjNew: '新建调整方案', adjTitle: '方案名称', adjKind: '调整类型',
    adjKind_merge: '合并（由现有单位组成）', adjKind_establish: '新设（在地图上绘制范围）', adjSurvivor: '保留单位代码', adjAbsorbed: '并入单位代码（逗号分隔）',
    adjNewName: '合并后名称（可选）', adjParent: '上级单位代码', adjName: '新单位名称', adjDraw: '在地图上绘制', adjDrawDone: '完成绘制',
    adjVertices: '已绘制 {n} 个顶点', adjSeatPick: '在地图上选取驻地', adjNoSeat: '未选驻地', adjSubmit: '保存方案',
    adjStatus_draft: '草案', adjStatus_approved: '已批准', adjStatus_withdrawn: '已撤回', adjNone: '暂无调整方案',
    adjUnit: '单位', adjCommunities: '社区/村数', adjFarthestKm: '最远社区到驻地 (km)', adjRule_population: '人口',
    adjRule_areaKm2: '面积', adjRule_communities: '社区/村数', adjRule_gdpShare: '非农产业比重', adjRule_farthestCommunityKm: '最远社区距驻地',
    adjImpact: '影响评估', adjBefore: '调整前', adjAfter: '调整后', adjChecks: '设立标准核查', adjFacilities: '变更所属区划的设施 {n} 个',
    adjLines: '需重新勘定的界线 {n} 条、界桩 {m} 个', adjAddresses: '需重新编码的标准地址 {n} 个', adjApiLogged: '已记录调用旧代码的接口用户',
    adjApiNotLogged: '本系统未按区划代码记录接口调用，无法列出使用旧代码的接口用户', adjDuplicates: '调整后重名（重）', adjDupDivision: '区划名称“{name}”与 {other} 重名',
    adjDupPlace: '地名“{name}”与 {other} 的地名重名', adjPrint: '打印版', adjApprove: '批准并实施（管理员）', adjDocument: '批复文号',
    adjApproveButton: '批准', adjApproved: '已批准：写入 {n} 个区划变更事件', adjTask_redemarcation: '界线重新勘定',
    adjTask_address_recoding: '地址重新编码', adjTask_rename_duplicate: '重名更名', adjCreated: '已保存方案 #{id}',
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
    export: 'Export', loading: 'Loading…', noResults: 'No results', zoom: 'Zoom', coordinates: 'Coordinates',
    facility: 'Facility', serviceArea: 'Service area', capacity: 'Capacity', address: 'Address', notAvailable: 'Not deployed yet',
    legendTarget: 'target {target}', history: 'History', notes: 'Notes', offline: 'Offline base (own division data)',
    errorPrefix: 'Error: ', fly: 'Go to',
    plans: 'Plans', plan: 'Plan', planView: 'Evaluation', planView_current: 'Current progress', planView_midterm: 'Mid-term evaluation',
    planView_final: 'Final evaluation', planBaseline: 'Baseline', planLatest: 'Latest', planProgress: 'Progress', planOnTrack: 'On track',
    planBehind: 'Behind', planBinding: 'binding', planExpected: 'expected', demographicsYear: 'Figures of year', planNone: 'No plans yet: import a plan template',
    planSummary: '{on} on track, {off} behind, {none} without data', planTargets: 'Plan targets', planChoropleth: 'Plan indicator map',
    planScreenings: 'Screenings', planFound: '{n} found',
    'screen_community-households': 'Communities under 1,000 or over 5,000 households', 'screen_township-burial': 'Townships without a public burial facility',
    adjPanel: 'Adjustments', adjSignIn: 'Sign in first (planner or administrator)', adjNew: 'New adjustment proposal', adjTitle: 'Title',
    adjKind: 'Kind', adjKind_merge: 'Merge (composed from existing units)', adjKind_establish: 'Establish (draw its area on the map)',
    adjSurvivor: 'Surviving unit code', adjAbsorbed: 'Merged unit codes (comma-separated)', adjNewName: 'Name after the merge (optional)',
    adjParent: 'Parent unit code', adjName: 'Name of the new unit', adjDraw: 'Draw on the map', adjDrawDone: 'Finish drawing',
    adjVertices: '{n} corners drawn', adjSeatPick: 'Pick the seat on the map', adjNoSeat: 'No seat picked', adjSubmit: 'Save proposal',
    adjStatus_draft: 'Draft', adjStatus_approved: 'Approved', adjStatus_withdrawn: 'Withdrawn', adjNone: 'No proposals yet',
    adjUnit: 'Unit', adjCommunities: 'Communities', adjFarthestKm: 'Farthest community to seat (km)', adjRule_population: 'Population',
    adjRule_areaKm2: 'Area', adjRule_communities: 'Communities', adjRule_gdpShare: 'Non-agricultural GDP share', adjRule_farthestCommunityKm: 'Farthest community to seat',
    adjImpact: 'Impact', adjBefore: 'Before', adjAfter: 'After', adjChecks: 'Establishment standard', adjFacilities: '{n} facilities change division',
    adjLines: '{n} boundary lines and {m} markers to re-demarcate', adjAddresses: '{n} standard addresses to recode', adjApiLogged: 'API clients using the old codes are logged',
    adjApiNotLogged: 'API calls are not logged by division code here, so the clients using old codes cannot be listed', adjDuplicates: 'Duplicate names after the change',
    adjDupDivision: 'Division name “{name}” duplicates {other}', adjDupPlace: 'Place name “{name}” duplicates one in {other}', adjPrint: 'Printable',
    adjApprove: 'Approve and apply (administrator)', adjDocument: 'Approval document', adjApproveButton: 'Approve',
    adjApproved: 'Approved: {n} division change events written', adjTask_redemarcation: 'Re-demarcate line', adjTask_address_recoding: 'Recode addresses',
    adjTask_rename_duplicate: 'Rename duplicate', adjCreated: 'Proposal #{id} saved',
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
