/* UI texts in Chinese (default) and English (i18n-en.js, a chunk loaded when the page is switched to English or opens
 * in it: CivGeoI18n.ready). Here only the Chinese texts the start page's own modules name; those of the panels opened
 * on demand are in i18n-zh-more.js, loaded with the first panel (CivGeoI18n.more). Elements with data-i18n="key" get their text, data-i18n-label their aria-label,
 * data-i18n-placeholder their placeholder. CivGeoI18n.t(key, vars) for texts built in code (Chinese until the
 * English texts have come). */
var texts = {
  zh: {
    demoRibbon: '演示模式：演示账号与密钥公开，勿用于生产', appTitle: 'CivGeo 民政地理', search: '搜索地名、地址、行政区', searchLabel: '地名地址搜索',
    lang: 'English', langLabel: '切换为英文界面', signIn: '登录', signOut: '退出', signedInAs: '已登录：{name}（{roles}）',
    layers: '图层', layersLabel: '图层与图例', divisions: '行政区划', divisionLevel: '显示级别', levelAuto: '随缩放', level1: '省级',
    level2: '地级', level3: '县级', level4: '乡级', level5: '村级', labels: '区划注记', boundaryLines: '界线',
    boundaryMarkers: '界桩', disputes: '争议区', placeNames: '地名', facilities: '设施', serviceAreas: '15分钟服务圈',
    uncovered: '未覆盖区域', choropleth: '指标专题图', close: '关闭', panel: '详情', reverse: '位置查询', divisionChain: '所在行政区划',
    nearestAddress: '最近地址', none: '无', level: '级别', showIndicators: '查看指标', intact: '完好', damaged: '损坏',
    missing: '丢失', displaced: '移位', unknown: '未检查', cancel: '取消', username: '用户名', password: '密码',
    loginFailed: '用户名或密码错误', surveyMode: '外业模式', namingScan: '大洋怪重检查', fieldWork: '联检外业', loading: '加载中…',
    noResults: '无结果', zoom: '缩放级别', coordinates: '坐标', notAvailable: '该功能尚未部署', offline: '离线底图（本系统行政区划数据）',
    errorPrefix: '错误：', plans: '规划', planChoropleth: '规划指标专题图', adjPanel: '区划调整', coverageAnalysis: '覆盖分析',
    'kind.nursing_home': '养老机构', 'kind.township_centre': '街道综合养老服务中心', 'kind.community_complex': '社区养老服务综合体',
    'kind.regional_centre': '区域养老服务中心', 'kind.community_station': '社区居家养老服务站/日间照料中心',
    'kind.rural_mutual_aid': '农村幸福院/互助养老点', 'kind.elderly_canteen': '老年食堂/助餐点', 'kind.funeral_home': '殡仪馆',
    'kind.funeral_service_centre': '殡仪服务中心', 'kind.public_cemetery': '公益性公墓', 'kind.commercial_cemetery': '经营性公墓',
    'kind.columbarium': '骨灰堂/骨灰安放设施', 'kind.community_service_centre': '社区综合服务设施',
    'kind.volunteer_station': '志愿服务站点', 'kind.social_work_station': '社会工作站', 'kind.social_org_incubator': '社会组织孵化园',
    'kind.minor_protection_institution': '未成年人救助保护机构', 'kind.minor_protection_station': '未成年人保护工作站',
    'kind.children_home': '儿童之家', 'kind.mental_rehab_station': '精神障碍社区康复服务站', 'kind.relief_station': '救助管理站',
    'kind.marriage_registry': '婚姻登记处', legendHide: '收起图例', legendShow: '展开图例'
  }
};
var lang = (typeof localStorage !== 'undefined' && localStorage.getItem('civgeo.lang')) || 'zh';
var listeners = [];

function t(key, vars) {
  var s = (texts[lang] && texts[lang][key]) || texts.zh[key] || key;
  if (vars) Object.keys(vars).forEach(function (k) { s = s.replace('{' + k + '}', vars[k]); });
  return s;
}
var terms = {};
/** A value of a data vocabulary (divisionKind, source, placeCategory by code) in the page's language; in Chinese, or
 *  when not listed, the value as it came (or shown, e.g. a category's Chinese name for its code). */
function term(group, value, shown) {
  var g = terms[lang] && terms[lang][group];
  return (g && value != null && g[value]) || (shown === undefined ? value : shown);
}
function apply(root) {
  (root || document).querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
  (root || document).querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label'))); });
  (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder'))); });
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
}
var loading = null;
/** The texts of language l (a promise; English is a chunk of its own, loaded once). */
function load(l) {
  if (texts[l]) return Promise.resolve(texts[l]);
  if (l !== 'en') return Promise.resolve(texts.zh);
  if (!loading) loading = import('./i18n-en.js').then(function (m) { terms.en = m.terms; texts.en = m.en; return m.en; }, function (e) { loading = null; throw e; });
  return loading;
}
function setLang(l) {
  return load(l).catch(function () { return null; }).then(function () {
    lang = l; try { localStorage.setItem('civgeo.lang', l); } catch (e) { /* private mode */ }
    apply(); listeners.forEach(function (fn) { fn(l); });
  });
}
/** Resolves once the page's language has its texts (a page opened in English re-renders then; offline without the
 *  chunk, Chinese stays). */
var ready = lang === 'zh' ? Promise.resolve() : load(lang).then(function () {
  if (typeof document !== 'undefined') apply();
  listeners.forEach(function (fn) { fn(lang); });
}).catch(function () { return null; }).then(function () {
  // the page's inline start script hid the body of a page opened in English until now (MapPageController)
  if (typeof document !== 'undefined') document.documentElement.classList.remove('i18n-pending');
});
/** The Chinese texts of the panels opened on demand (i18n-zh-more.js), merged into the table once; lazy.js waits for
 *  them before a panel's chunk runs. */
var moreLoading = null;
function more() {
  if (!moreLoading) {
    moreLoading = import('./i18n-zh-more.js').then(function (m) {
      Object.keys(m.zhMore).forEach(function (k) { if (!(k in texts.zh)) texts.zh[k] = m.zhMore[k]; });
      return texts.zh;
    }, function (e) { moreLoading = null; throw e; });
  }
  return moreLoading;
}
export const CivGeoI18n = { texts: texts, t: t, term: term, apply: apply, setLang: setLang, load: load, more: more, ready: ready, lang: function () { return lang; }, onChange: function (fn) { listeners.push(fn); } };
