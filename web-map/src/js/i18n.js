/* UI texts in Chinese (default) and English (i18n-en.js, a chunk loaded when the page is switched to English or opens
 * in it: CivGeoI18n.ready). Elements with data-i18n="key" get their text, data-i18n-label their aria-label,
 * data-i18n-placeholder their placeholder. CivGeoI18n.t(key, vars) for texts built in code (Chinese until the
 * English texts have come). */
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
    displaced: '移位', unknown: '未检查', recordObservation: '记录界桩检查', photo: '照片', choosePhoto: '拍照或选择照片', chooseFile: '选择文件', noFileChosen: '未选择文件', dragToMove: '拖动界桩标记到实测位置；也可平移地图使十字对准实测位置后点“移到地图中心”，或用方向键、箭头按钮微调（每次 0.5 米，按住 Shift 为 5 米）', pinToCentre: '移到地图中心', pinNudge: '微调标记位置', nudge_n: '向北 0.5 米', nudge_s: '向南 0.5 米', nudge_e: '向东 0.5 米', nudge_w: '向西 0.5 米',
    accuracyM: '定位精度（米）', accuracyBad: '定位精度须为大于 0、不超过 1000 的米数', accuracyShort: '精度 ±{m} 米',
    save: '保存', cancel: '取消', saved: '已保存', username: '用户名', password: '密码', loginFailed: '用户名或密码错误',
    surveyMode: '外业模式', namingScan: '大洋怪重检查', scanResults: '不规范地名检查结果', reason: '原因',
    scanSummary: '检查地名 {n} 个，不规范 {f} 个', 'check.exaggerated-word': '使用夸大用词：{t}', 'check.generic-above-rank': '通名与规模不符：{t}',
    'check.foreign-name': '使用外国人名、地名或其译音：{t}', 'check.numeric-specific': '专名只有数字：{t}',
    'check.digit-mix': '数字与文字混用：{t}', 'check.separator': '含分隔符号：{t}', 'check.latin-letters': '含拉丁字母：{t}',
    'check.vulgar-or-feudal': '含低俗或封建色彩字词：{t}', 'check.rare-character': '使用生僻字：{t}',
    'check.duplicate': '与同一区域的地名重名：{o}', 'check.homophone': '与同一区域的地名同音：{o}',
    fieldWork: '联检外业', myLines: '我的界线', planRound: '规划联检轮次', myLinesNone: '尚未分配界线', progressOf: '已检 {done} / {total} 个界桩', progressQueued: '另有 {n} 条待同步',
    notRecorded: '未检', planArea: '区域代码', listDueLines: '列出待检界线', cycleSummary: '共 {lines} 条界线：逾期 {overdue}，今年到期 {due}，从未检查 {never}，未到期 {current}',
    noDueLines: '没有待检界线', cycleLast: '上次检查', cycleDue: '到期', team: '外业组', members: '组员（用户名）', teamDefault: '外业一组',
    inRound: '联检轮次：{name}', roundNumber: '轮次', roundYears: '年份', createRound: '创建轮次并分配', pickLines: '请至少选择一条界线',
    roundCreated: '已创建“{name}”：{lines} 条界线，{teams} 条已分配外业组', noOpenRound: '该界线没有进行中的联检轮次，不能记录检查',
    cycle_current: '未到期', cycle_due: '今年到期', cycle_overdue: '逾期', cycle_never: '从未检查',
    gkNeedX: '请填写 x（北坐标，米）', gkNeedY: '请填写 y（带带号的东坐标，米）', gkBadZone: '带号 {zone} 不是 CGCS2000 3 度带（25–45）',
    gkZoneNotPoint: '带号 {zone} 与界桩所在的第 {point} 带不符', gkSwapped: 'x 与 y 似乎填反了：x 是北坐标（7 位整数），y 是带带号的东坐标（8 位，前两位为带号），请交换后再保存',
    gkNoPrefix: 'y {y} 的前两位不是带号 {zone}', gkOutsideZone: 'y {y} 不在第 {zone} 带内', gkNotNorthing: 'x {x} 不是中国境内的北坐标',
    gkPosition: '高斯—克吕格坐标', positionBy: '位置来源', posNone: '不改位置', posGk: '输入高斯坐标', posGps: '设备定位', posDrag: '拖动标记', gkX: 'x（北坐标）', gkY: 'y（东坐标，含带号）',
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
    planBinding: '约束性', planExpected: '预期性', demographicsYear: '人口数据年份', planNone: '尚无规划，请导入规划模板', planDraft: '草稿', planApproved: '已批准', planApprovedBy: '{body} {doc}（{date}）', planApproveBtn: '批准印发', planReopenBtn: '重新打开修改', planApprovingBody: '批准机关', planDocument: '印发文号', planApprovedOn: '印发日期', planReopenReason: '重新打开理由', planApprovalHint: '批准后指标与目标只能经“重新打开”修改', planReopenedBecause: '上次重新打开：{reason}', planSummary: '符合进度 {on} 项，滞后 {off} 项，无数据 {none} 项',
    planTargets: '规划目标', planChoropleth: '规划指标专题图', planScreenings: '筛查', planFound: '共 {n} 个',
    'screen_community-households': '户数不足1000或超过5000户的社区', 'screen_township-burial': '无公益性安葬设施的乡镇（街道）',
    adjPanel: '区划调整', adjSignIn: '请先登录（规划人员或管理员）', adjNew: '新建调整方案', adjTitle: '方案名称', adjKind: '调整类型',
    adjKind_convert: '撤县设市/区（县级单位改设）', adjKind_split: '拆分（在地图上绘制或由下级单位组成）', adjConvertCode: '被改设的县级单位代码',
    adjConvertKind: '改设为', adjConvertKind_city: '县级市', adjConvertKind_district: '市辖区', adjConvertNewCode: '新代码', adjConvertName: '新名称',
    adjConvertSuffix: '新名称应以“{suffix}”结尾', adjSplitSource: '被拆分单位代码', adjSplitKeep: '保留原单位（只划出部分）', adjPart: '第 {n} 部分',
    adjPartName: '名称', adjPartCode: '代码（可选）', adjPartUnits: '由这些下级单位组成（代码，逗号分隔）', adjPickUnits: '在地图上点选下级单位',
    adjPickDone: '结束点选', adjPartAdd: '增加一部分', adjPartRemove: '删去最后一部分', adjPickOutside: '该处不在 {code} 范围内',
    adjPicked: '{name}（{code}）归入第 {n} 部分', adjEditHint: '拖动顶点修改；点击边中点增加顶点；点击顶点选中后可删除。', adjVertexDelete: '删除所选顶点',
    adjVertexMin: '多边形至少保留 3 个顶点', adjDraftGeometry: '修改草案范围', adjGeomWhich: '范围', adjGeomEdit: '在地图上编辑顶点',
    adjDraftSave: '保存草案', adjDraftSaved: '已保存为第 {v} 版', adjStep: '第 {n} 步',
    adjKind_merge: '合并（由现有单位组成）', adjKind_establish: '新设（在地图上绘制范围）', adjSurvivor: '保留单位代码', adjAbsorbed: '并入单位代码（逗号分隔）',
    adjNewName: '合并后名称（可选）', adjParent: '上级单位代码', adjName: '新单位名称', adjDraw: '在地图上绘制', adjDrawDone: '完成绘制',
    adjVertices: '已绘制 {n} 个顶点', adjSeatPick: '在地图上选取驻地', adjNoSeat: '未选驻地', adjPartSeatPick: '在地图上选取本部分驻地', adjPartSeat: '第 {n} 部分驻地', adjSubmit: '保存方案',
    adjStatus_draft: '草案', adjStatus_approved: '已批准', adjStatus_withdrawn: '已撤回', adjNone: '暂无调整方案',
    adjUnit: '单位', adjCommunities: '社区/村数', adjFarthestKm: '最远社区到驻地 (km)', adjRule_population: '人口',
    adjRule_areaKm2: '面积', adjRule_communities: '社区/村数', adjRule_gdpShare: '非农产业比重', adjRule_farthestCommunityKm: '最远社区距驻地',
    adjImpact: '影响评估', adjBefore: '调整前', adjAfter: '调整后', adjChecks: '设立标准核查', adjFacilities: '变更所属区划的设施 {n} 个',
    adjLines: '需重新勘定的界线 {n} 条、界桩 {m} 个', adjAddresses: '需重新编码的标准地址 {n} 个', adjApiLogged: '已记录调用旧代码的接口用户', adjApiClients: '近 90 天调用旧代码的接口用户 {n} 个：{names}', adjApiNone: '近 90 天没有接口用户调用旧代码',
    adjApiNotLogged: '本系统未按区划代码记录接口调用，无法列出使用旧代码的接口用户', adjDuplicates: '调整后重名（重）', adjDupDivision: '区划名称“{name}”与 {other} 重名',
    adjDupPlace: '地名“{name}”与 {other} 的地名重名', adjPrint: '打印版', adjApprove: '批准并实施（管理员）', adjDocument: '批复文号',
    adjApproveButton: '批准', adjApproved: '已批准：写入 {n} 个区划变更事件', adjTask_redemarcation: '界线重新勘定',
    adjTask_address_recoding: '地址重新编码', adjTask_rename_duplicate: '重名更名', adjCreated: '已保存方案 #{id}',
    adjEvaluate: '计算规划指标与养老服务覆盖', adjIndicators: '规划指标（调整前 → 调整后）', adjIndicator: '指标', adjTarget: '目标',
    adjChanged: '变化', adjUnchanged: '不变', adjUnknown: '无法比较', adjCoverage: '养老服务圈覆盖（调整前 / 调整后）',
    adjCovHouseholds: '覆盖户数 / 户数', adjCovHouseholdShare: '户覆盖率', adjCovElderly: '覆盖老年人 / 老年人', adjCovElderlyShare: '老年人覆盖率',
    adjTotal: '合计', adjCovNote: '{minutes} 分钟步行养老服务圈：驻点落在运营中养老设施服务范围内的社区/村计为覆盖',
    adjAnonymous: '匿名调用（无接口密钥）',
    adjInd_communityServiceAreaPer100Households: '每百户居民拥有社区综合服务设施面积', adjInd_bedsPer1000Elderly: '每千名老年人养老床位数', adjInd_nursingBedShare: '护理型床位占比', adjInd_urbanCommunityShare: '城市社区养老服务设施覆盖率', adjInd_ruralVillageShare: '农村社区养老服务设施覆盖率', adjInd_townshipCentreShare: '镇街综合养老服务机构覆盖率', adjInd_townshipCemeteryShare: '乡镇公益性公墓（骨灰堂）覆盖率', adjInd_countyFuneralHomeShare: '县级殡仪馆覆盖率', adjInd_fifteenMinuteCoverage: '15分钟养老服务圈覆盖率',
    'coverageAnalysis': '覆盖分析',
    'covDivision': '分析范围',
    'covKinds': '设施类型',
    'covMinutes': '步行时间（分钟）',
    'covSpeed': '步行速度（米/秒）',
    'covRun': '分析',
    'covSummary': '覆盖户数 {hh}（{hhs}），覆盖老人 {el}（{els}），未覆盖社区/村 {n} 个',
    'covUnit': '社区/村',
    'covTownship': '街道/镇',
    'covCoveredShare': '覆盖面积',
    'covStatus': '是否覆盖',
    'covYes': '已覆盖',
    'covNo': '未覆盖',
    'covNearest': '最近设施（步行）',
    'covOnlyUncovered': '只看未覆盖',
    'covOffNetwork': '直线',
    'covUncoveredElderly': '未覆盖老人（人）',
    'metres': '{m} 米',
    'covClickRow': '点击一行缩放到该社区',
    'covNone': '没有符合条件的社区/村',
    'covBuilt': '计算于 {t}',
    'kind.nursing_home': '养老机构',
    'kind.township_centre': '街道综合养老服务中心',
    'kind.community_complex': '社区养老服务综合体',
    'kind.regional_centre': '区域养老服务中心',
    'kind.community_station': '社区居家养老服务站/日间照料中心',
    'kind.rural_mutual_aid': '农村幸福院/互助养老点',
    'kind.elderly_canteen': '老年食堂/助餐点',
    'kind.funeral_home': '殡仪馆',
    'kind.funeral_service_centre': '殡仪服务中心',
    'kind.public_cemetery': '公益性公墓',
    'kind.commercial_cemetery': '经营性公墓',
    'kind.columbarium': '骨灰堂/骨灰安放设施',
    'kind.community_service_centre': '社区综合服务设施',
    'kind.volunteer_station': '志愿服务站点',
    'kind.social_work_station': '社会工作站',
    'kind.social_org_incubator': '社会组织孵化园',
    'kind.minor_protection_institution': '未成年人救助保护机构',
    'kind.minor_protection_station': '未成年人保护工作站',
    'kind.children_home': '儿童之家',
    'kind.mental_rehab_station': '精神障碍社区康复服务站',
    'kind.relief_station': '救助管理站',
    'kind.marriage_registry': '婚姻登记处',
    'siteSuggestion': '选址建议',
    'siteK': '新设施数量',
    'siteCandidates': '候选点',
    'siteSource_grid': '未覆盖区域网格',
    'siteSource_list': '候选点列表',
    'siteSource_parcels': '上传地块',
    'siteParcelFile': '地块文件（GeoJSON、zip 压缩的 Shapefile、GeoPackage、KML、CSV）',
    'siteParcelCrs': '文件坐标系',
    'siteCrs_auto': '自动（按文件或坐标判断）',
    'siteCrs_EPSG4490': 'CGCS2000（EPSG:4490）',
    'siteCrs_EPSG4326': 'WGS 84（EPSG:4326）',
    'siteCrs_GCJ02': 'GCJ-02（高德、腾讯）',
    'siteCrs_BD09': 'BD-09（百度）',
    'siteParcelHint': '选择地块文件：每个地块取其面内一点作为候选点，并保留其名称或编号',
    'siteParcelReading': '正在读取地块文件…',
    'siteParcelsRead': '已读取 {n} 个地块（名称取自属性 {field}）：{names}',
    'siteParcelsNone': '请先选择一个可读取的地块文件',
    'siteParcelsRejected': '{n} 个地块不在所选区划内，未作候选：',
    'siteParcelRejected': '第 {feature} 个 {name}：{reason}',
    'siteParcel': '地块',
    'siteParcelName': '地块 {name}',
    'siteSpacing': '网格间距（米）',
    'siteList': '候选点（每行：经度,纬度）',
    'siteRun': '计算选址',
    'siteSignIn': '登录为规划人员后可计算选址',
    'siteListBad': '候选点格式有误（第 {lines} 行），每行应为：经度,纬度',
    'siteQueued': '排队中…',
    'jobStatus_QUEUED': '排队中',
    'jobStatus_RUNNING': '计算中',
    'jobStatus_SUCCEEDED': '完成',
    'jobStatus_FAILED': '失败',
    'jobStatus_CANCELLED': '已取消',
    'siteBeforeAfter': '老人覆盖率 {before} → {after}，户数覆盖率 {hbefore} → {hafter}',
    'siteDrag': '拖动地图上的编号标记可重新计算增益',
    'siteGainElderly': '新增覆盖老人',
    'siteGainHouseholds': '新增覆盖户数',
    'siteNothing': '没有可增加覆盖的选址', 'legendHide': '收起图例', 'legendShow': '展开图例', 'ofTarget': '达到目标的 {share}', 'printMap': '打印专题图', 'printPaper': '纸张', 'printPreview': '打印预览', 'printGo': '打印 / 存为PDF', 'printPng': '下载PNG图片', 'printPngFailed': 'PNG图片生成失败：', 'printFile': '{title}_{paper}', 'printLeave': '退出预览', 'printTitle': '{area}{kinds} {minutes} 分钟步行覆盖专题图', 'printDate': '制图日期：{date}', 'printSource': '数据来源：CivGeo 行政区划、设施与人口数据（演示数据为合成数据）', 'north': '指北针',
    'scenario': '规划方案',
    'scenarioName': '方案名称',
    'scenarioDefaultName': '新增日间照料中心选址方案',
    'scenarioSave': '保存为方案',
    'scenarioPromote': '转为规划设施',
    'scenarioSiteName': '拟建设施 {n}',
    'scenarioSaved': '方案“{name}”已保存（版本 {v}）',
    'scenarioPromoted': '已转为 {n} 个规划设施',
    'scenarioToday': '现状',
    'scenarioWith': '方案',
    'scenarioFacilities': '设施数',
    'scenarioCoveredUnits': '覆盖社区/村数',
    'scenarioHouseholdShare': '户数覆盖率',
    'scenarioElderlyShare': '老人覆盖率',
    'scenarioCoveredElderly': '覆盖老人数',
    'scenarioNewlyCovered': '新增覆盖社区/村 {n} 个：'
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
export const CivGeoI18n = { texts: texts, t: t, term: term, apply: apply, setLang: setLang, load: load, ready: ready, lang: function () { return lang; }, onChange: function (fn) { listeners.push(fn); } };
