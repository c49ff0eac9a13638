/** First-load JavaScript per area of the built web app, against the budgets in scripts/bundle-size.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { budgets, firstLoad } from '../../scripts/bundle-size.js';

const webDist = inject('webDist');

describe('first-load JavaScript of the web app (gzip)', () => {
  it.each(Object.entries(budgets))('%s stays within its budget', (_name, { area, kib }) => {
    const load = firstLoad(webDist, [...area]);
    expect(load.files.length).toBeGreaterThan(1);
    expect(load.gzipBytes / 1024).toBeLessThanOrEqual(kib);
  });

  it('keeps every console page but the overview, and the H5 registration page, out of the first load of their area', () => {
    const consoleFiles = firstLoad(webDist, ['console/ConsoleApp.tsx']).files.join(' ');
    for (const page of ['VolunteersPage', 'SitesPage', 'RegionsPage', 'OrganisationsPage', 'DeskRegisterPage']) {
      expect(consoleFiles).not.toMatch(new RegExp(`assets/${page}-`));
    }
    expect(firstLoad(webDist, ['h5/H5App.tsx']).files.join(' ')).not.toMatch(/assets\/RegisterPage-/);
  });

  it('loads Leaflet only with a map: not for the site list, the console or the H5 pages', () => {
    const hasLeaflet = (file: string) => readFileSync(join(webDist, file), 'utf8').includes('leaflet-pane');
    const mapChunk = firstLoad(webDist, ['sites/SiteMap.tsx']).files;
    expect(mapChunk.some(hasLeaflet)).toBe(true);
    for (const area of ['sites/SitesApp.tsx', 'console/ConsoleApp.tsx', 'h5/H5App.tsx']) {
      expect(firstLoad(webDist, [area]).files.filter(hasLeaflet)).toEqual([]);
    }
  });

  it('loads ECharts only with a chart: not for the console, the metrics table or the H5 pages', () => {
    const hasECharts = (file: string) => readFileSync(join(webDist, file), 'utf8').includes('_echarts_instance_');
    expect(firstLoad(webDist, ['console/orders/MetricsChart.tsx']).files.some(hasECharts)).toBe(true);
    for (const area of ['console/ConsoleApp.tsx', 'console/orders/MetricsPage.tsx', 'h5/H5App.tsx']) {
      expect(firstLoad(webDist, [area]).files.filter(hasECharts)).toEqual([]);
    }
  });
});
