/* The coverage layers' drawing and the facility panel, loaded on first use (coverage.js keeps the layers' legend
 * entries with the start page): a facility's details and service area, the uncovered units of the planner's analysis,
 * the indicator choropleth. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoPanels } from './panels.js';
import { CivGeoPlannerFormat } from './planner-format.js';

var t = CivGeoI18n.t, api = CivGeoApi, esc = api.esc, P = CivGeoPanels, F = CivGeoPlannerFormat;
var areaLayer = null;
/** A facility kind's name (coverage.js sets CivGeoCoverageLayers.kindLabel when it loads this chunk). */
function kindLabel(code) { return CivGeoCoverageLayers.kindLabel(code); }

function centreChain(map) { var c = map.getCenter(); return api.get('/api/divisions/at?lon=' + c.lng.toFixed(6) + '&lat=' + c.lat.toFixed(6)).then(function (r) { return r.chain || []; }); }
/** The unit whose children the choropleth and uncovered layers show: the city, or the district when zoomed in. */
function parentFor(map, layers) {
  var want = Math.max(1, layers.levelForZoom(map.getZoom()) - 1);
  return centreChain(map).then(function (chain) {
    var pick = chain.filter(function (d) { return d.level === Math.min(want, 3); })[0] || chain[chain.length - 1];
    return pick ? pick.code : null;
  });
}

/** Facility details and its stored service area. */
function showFacility(id) {
  var render = function () {
    P.open(t('facility'), P.loading(), render);
    Promise.all([api.get('/api/facilities/' + id), api.get('/api/facilities/' + id + '/service-area').catch(function () { return null; })]).then(function (r) {
      var f = r[0], area = r[1];
      var html = '<h3 id="facility-name">' + esc(f.name) + '</h3><table>' + P.row('kind', kindLabel(f.kind)) + P.row('address', f.address) +
        P.row('capacity', f.beds != null ? f.beds + (CivGeoI18n.lang() === 'zh' ? ' 张床位' : ' beds') : f.capacity) + P.row('code', f.divisionCode || f.division) + '</table>' +
        '<h3>' + esc(t('serviceArea')) + '</h3><p id="facility-area">' + esc(area && area.features && area.features.length ?
          (area.features[0].properties.method || '') + (area.features[0].properties.minutes ? ' · ' + area.features[0].properties.minutes + ' min' : '') : t('none')) + '</p>';
      P.open(t('facility'), html, render);
      if (areaLayer) window.civgeo.map.removeLayer(areaLayer);
      if (area && area.features && area.features.length) {
        areaLayer = L.geoJSON(area, { interactive: false, style: { color: '#1d5fa8', weight: 2, fillOpacity: 0.15, dashArray: '4 3' } }).addTo(window.civgeo.map);
      }
    }).catch(function (e) { P.open(t('facility'), P.failed(e), render); });
  };
  render.kind = 'facility';
  render();
}

/** Uncovered communities/villages of the analysis on screen (CivGeoPlanner.analysis; else the city at the map centre,
 * elderly care): only units not covered, each its polygon, in graded classes of its uncovered elderly. */
function uncovered(layers, CivGeoPlanner) {
  var state = { breaks: [], colors: F.ramp('reds', 1), division: null };
  function color(el) { return state.colors[F.classOf(el || 0, state.breaks)] || state.colors[0]; }
  function uncovered() {
    var a = CivGeoPlanner.analysis;
    var code = a.division ? Promise.resolve(a.division) : parentFor(layers.map, layers).then(function (c) { return c && c.length > 6 ? c.slice(0, 6) : c; });
    return code.then(function (c) {
      if (!c) return null;
      if (c === state.division && state.fc && state.key === CivGeoPlanner.uncoveredUrl(c)) return state.fc; // same analysis: no new request
      var url = CivGeoPlanner.uncoveredUrl(c);
      layers.map.getContainer().setAttribute('data-uncovered-loading', 'true');
      return api.get(url).then(function (fc) {
        state.division = c; state.fc = fc; state.key = url;
        state.breaks = F.breaks(fc.features.map(function (f) { return f.properties.elderly; }), 4);
        state.colors = F.ramp('reds', state.breaks.length + 1);
        layers.map.getContainer().removeAttribute('data-uncovered-loading');
        layers.renderLegend();
        return fc;
      });
    });
  }
  function popup(f, l) {
    var p = f.properties, lang = CivGeoI18n.lang();
    l.bindTooltip(esc(p.name) + ' · ' + esc(t('elderly')) + ' ' + F.int(p.elderly, lang));
    l.on('click', function (e) {
      L.DomEvent.stop(e);
      L.popup().setLatLng(e.latlng).setContent('<div class="uncovered-popup" data-code="' + esc(p.code) + '"><strong>' + esc(p.name) + '</strong> <span class="note">' +
        esc(p.townshipName || '') + '</span><br>' + esc(t('households')) + ' ' + F.int(p.households, lang) + ' · ' + esc(t('elderly')) + ' ' + F.int(p.elderly, lang) +
        '<br>' + esc(t('covCoveredShare')) + ' ' + F.pct(p.coveredAreaShare) + '<br>' + esc(t('covNearest')) + ': ' +
        esc(p.nearestFacilityName ? p.nearestFacilityName + ' · ' + t('metres', { m: F.int(p.nearestFacilityM, lang) }) : t('none')) + '</div>').openOn(layers.map);
      if (CivGeoPlanner.state.table) CivGeoPlanner.zoomTo(p.code);
    });
  }
  function style(f) { return { color: '#7f1d1d', weight: 1, fillColor: color(f.properties.elderly), fillOpacity: 0.6 }; }
  return { url: uncovered, style: style, popup: popup, legend: function (un) {
    if (!layers.map.hasLayer(un) || !state.fc) return '';
    var a = CivGeoPlanner.analysis, lang = CivGeoI18n.lang(), b = state.breaks;
    var kinds = (a.kinds || []).map(function (k) { return k === 'elderly_care' ? t('serviceAreas') : CivGeoPlanner.kindName(k); }).join('、');
    var rows = state.colors.map(function (c, i) {
      var lo = i === 0 ? 0 : b[i - 1], hi = i < b.length ? b[i] : null;
      return '<div><span class="swatch" style="background:' + c + '"></span>' + F.int(lo, lang) + (hi == null ? '+' : ' – ' + F.int(hi - 1, lang)) + '</div>';
    }).join('');
    return '<div id="uncovered-legend"><div class="note">' + esc(t('covUncoveredElderly')) + ' · ' + esc(kinds) + ' · ' + a.minutes + ' min · ' + a.speedMps + ' m/s</div>' + rows + '</div>';
  } };
}

/** Indicator choropleth: the children of the city (or district, zoomed in) coloured pass/fail by the picked indicator: drawn
 * into group (its legend entry is coverage.js's); { load, legend, controls }. */
function choropleth(layers, group) {
  var map = layers.map, state = { indicator: null, list: [], target: null, unit: '' };
  var RAMP = F.ramp('greens', 5);
  /** Graded by the value's share of the target: <50 %, 50–75 %, 75–100 %, 100–125 %, ≥125 % (grey: no data). */
  function color(i) {
    var k = i ? F.targetClass(i.value, i.target) : -1;
    return k < 0 ? '#bdc3c7' : RAMP[k];
  }
  function shown(v, unit) {
    if (v == null) return t('noData');
    return unit === 'share' ? F.pct(v) : (+v).toFixed(1) + ' ' + (unit || '');
  }
  function load() {
    if (!map.hasLayer(group)) return;
    parentFor(map, layers).then(function (code) {
      if (!code) return;
      if (code === state.code && state.fc) return; // the same districts: the answer on screen stays
      map.getContainer().setAttribute('data-choropleth-loading', 'true');
      state.loading = true; layers.renderLegend();
      return api.get('/api/indicators?children=true&division=' + code).then(function (r) {
        state.code = code;
        state.list = (r.children.length ? r.children : [r]);
        var first = state.list[0] && state.list[0].indicators || [];
        if (!state.indicator && first.length) state.indicator = first[0].code;
        var def = first.filter(function (i) { return i.code === state.indicator; })[0];
        state.target = def ? def.target : null; state.unit = def ? def.unit : ''; state.options = first;
        var level = state.list[0].level;
        return api.get('/api/map/collections/divisions/items?limit=1000&level=' + level + '&zoom=' + map.getZoom() + '&bbox=' + layers.bbox()).then(function (fc) {
          var byCode = {}; state.list.forEach(function (d) { byCode[d.division] = d; });
          group.clearLayers();
          L.geoJSON(fc, { filter: function (f) { return !!byCode[f.properties.code]; }, style: function (f) {
            var ind = byCode[f.properties.code].indicators.filter(function (i) { return i.code === state.indicator; })[0];
            return { color: '#fff', weight: 1.5, fillColor: color(ind), fillOpacity: 0.7 };
          }, onEachFeature: function (f, l) {
            var ind = byCode[f.properties.code].indicators.filter(function (i) { return i.code === state.indicator; })[0];
            l.bindTooltip(esc(f.properties.name) + ': ' + esc(ind ? shown(ind.value, ind.unit) : t('noData')));
            l.on('click', function (e) { L.DomEvent.stop(e); P.showDivision(f.properties.code); });
          } }).addTo(group);
          map.getContainer().setAttribute('data-choropleth', group.getLayers()[0].getLayers().length);
          map.getContainer().removeAttribute('data-choropleth-loading');
          state.loading = false; state.fc = fc;
          layers.renderLegend();
        });
      });
    }).catch(function (e) { console.warn('choropleth', e); });
  }
  group.reload = load;
  map.on('moveend', load);
  return { load: load, legend: function () {
    if (!map.hasLayer(group) || !state.options) return '';
    var picked = state.options.filter(function (i) { return i.code === state.indicator; })[0];
    return (layers.printOnly ? '<div id="choropleth-indicator">' + esc(t('indicator')) + ': ' + esc(picked ? picked.label : '—') + '</div>' :
      '<label for="indicator-pick">' + esc(t('indicator')) + '</label><select id="indicator-pick">' + state.options.map(function (i) {
      return '<option value="' + esc(i.code) + '"' + (i.code === state.indicator ? ' selected' : '') + '>' + esc(i.label) + '</option>';
    }).join('') + '</select>') + '<div id="choropleth-target">' + esc(t('target')) + ': ' + esc(state.target == null ? '—' : shown(state.target, state.unit)) + '</div>' +
      (state.loading ? '<div class="note" id="choropleth-loading">' + esc(t('loading')) + '</div>' : '') +
      ['<50%', '50–75%', '75–100%', '100–125%', '≥125%'].map(function (lab, k) {
        return '<div><span class="swatch" style="background:' + RAMP[k] + '"></span>' + esc(t('ofTarget', { share: lab })) + '</div>';
      }).join('') + '<div><span class="swatch" style="background:#bdc3c7"></span>' + esc(t('noData')) + '</div>';
  }, controls: function (div) {
    var sel = div.querySelector('#indicator-pick');
    if (sel && !sel._wired) { sel._wired = true; sel.addEventListener('change', function () { state.indicator = sel.value; state.fc = null; load(); }); }
  } };
}

export const CivGeoCoverageLayers = { showFacility: showFacility, uncovered: uncovered, choropleth: choropleth, kindLabel: null };
