import { describe, expect, it } from 'vitest';
import { checkIcons, checkManifest } from '../../../src/jobs/package/checks';
import { drawColorIcon, drawOutlineIcon } from '../../../src/jobs/package/icons';
import type { JsonObject } from '../../../src/jobs/package/manifest';
import { blankIcon, renderedManifest, repaint } from './fixture';

/*
 * Icon rules, from Microsoft's "Create an app package for your Microsoft Teams app",
 * App icons (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons):
 * the colour icon is 192x192 on a solid or fully transparent square background (Teams
 * rounds the corners itself); the outline icon is 32x32, white (255, 255, 255) on a
 * transparent background with every other part at alpha 0, and no other colour.
 */
describe('our checks on the icons', () => {
  const color = drawColorIcon();
  const outline = drawOutlineIcon();

  it('pass the icons we draw', () => {
    expect(checkIcons({ color, outline })).toEqual([]);
  });

  it.each([
    {
      case: 'a colour icon of the wrong size',
      icons: { color: blankIcon(100, 100, [91, 95, 199, 255]), outline },
      problem: 'color.png is 100x100 pixels: the colour icon must be 192x192',
    },
    {
      case: 'an outline icon of the wrong size',
      icons: {
        color,
        outline: repaint(blankIcon(48, 48, [0, 0, 0, 0]), (x, y) => (x === y ? [255, 255, 255, 255] : null)),
      },
      problem: 'outline.png is 48x48 pixels: the outline icon must be 32x32',
    },
    {
      case: 'a colour icon with rounded corners',
      icons: { color: repaint(color, (x, y) => (x === 0 && y === 0 ? [0, 0, 0, 0] : null)), outline },
      problem:
        'color.png must sit on a solid or fully transparent square background: its four corners differ (Teams rounds the corners itself)',
    },
    {
      case: 'an outline drawn on a dark background instead of a transparent one',
      icons: {
        color,
        outline: repaint(outline, (x, y) => (isTransparent(outline, x, y) ? [36, 36, 36, 255] : null)),
      },
      problem:
        /^outline\.png may use only white \(255, 255, 255\) and transparency: \d+ pixels have another colour, the first at \(0, 0\) is rgba\(36, 36, 36, 255\)$/,
      alsoProblem:
        'outline.png must be a white glyph on a transparent background: only 0 of its 1024 pixels are transparent',
    },
    {
      case: 'an outline that is all white, with no transparent background',
      icons: { color, outline: blankIcon(32, 32, [255, 255, 255, 255]) },
      problem:
        'outline.png must be a white glyph on a transparent background: only 0 of its 1024 pixels are transparent',
    },
    {
      case: 'an outline glyph in a colour other than white',
      icons: {
        color,
        outline: repaint(outline, (x, y) => (isTransparent(outline, x, y) ? null : [91, 95, 199, 255])),
      },
      problem: /^outline\.png may use only white \(255, 255, 255\) and transparency/,
    },
  ])('refuse $case', ({ icons, problem, alsoProblem }) => {
    expect(checkIcons(icons)).toEqual([
      problem instanceof RegExp ? expect.stringMatching(problem) : problem,
      ...(alsoProblem ? [alsoProblem] : []),
    ]);
  });
});

function isTransparent(icon: { width: number; data: Uint8Array }, x: number, y: number): boolean {
  return icon.data[(y * icon.width + x) * 4 + 3] === 0;
}

describe('our checks on the manifest', () => {
  const edit = (change: (manifest: JsonObject) => void): JsonObject => {
    const manifest = structuredClone(renderedManifest());
    change(manifest);
    return manifest;
  };
  const tab = (manifest: JsonObject) => (manifest.staticTabs as JsonObject[])[0] as JsonObject;

  it.each([
    {
      case: 'an http URL',
      manifest: edit((m) => (tab(m).contentUrl = 'http://wsoa.contoso.gov.uk/my-work')),
      problem:
        'staticTabs[0].contentUrl "http://wsoa.contoso.gov.uk/my-work" must use https:// (Teams loads tab content only over HTTPS)',
    },
    {
      case: 'a URL on a domain that is not in validDomains',
      manifest: edit((m) => (tab(m).websiteUrl = 'https://wsoa.example.com/my-work')),
      problem:
        'staticTabs[0].websiteUrl "https://wsoa.example.com/my-work" is on wsoa.example.com, which is not in validDomains (wsoa.contoso.gov.uk)',
    },
    {
      case: 'an app id that is not a GUID',
      manifest: edit((m) => (m.id = 'wsoa-tracker')),
      problem: 'id "wsoa-tracker" is not a GUID: the Teams app id must be one',
    },
    {
      case: 'an Entra client id that is not a GUID',
      manifest: edit((m) => ((m.webApplicationInfo as JsonObject).id = 'api://wsoa')),
      problem: 'webApplicationInfo.id "api://wsoa" is not a GUID: it must be the Entra client id',
    },
    {
      case: 'a version that is not semver',
      manifest: edit((m) => (m.version = '1.4')),
      problem: 'version "1.4" is not major.minor.patch (semver)',
    },
    {
      case: 'a nested app auth redirect to another domain',
      manifest: edit(
        (m) =>
          ((
            ((m.webApplicationInfo as JsonObject).nestedAppAuthInfo as JsonObject[])[0] as JsonObject
          ).redirectUri = 'brk-multihub://wsoa.example.com'),
      ),
      problem:
        'webApplicationInfo.nestedAppAuthInfo[0].redirectUri "brk-multihub://wsoa.example.com" is on wsoa.example.com, which is not in validDomains (wsoa.contoso.gov.uk)',
    },
    {
      case: 'a valid domain written as a URL',
      manifest: edit((m) => (m.validDomains = ['https://wsoa.contoso.gov.uk'])),
      problem: /^validDomains entry "https:\/\/wsoa\.contoso\.gov\.uk" must be a bare domain/,
    },
  ])('refuse $case', ({ manifest, problem }) => {
    expect(checkManifest(manifest)).toContainEqual(
      problem instanceof RegExp ? expect.stringMatching(problem) : problem,
    );
  });

  it('accept a URL on a wildcard valid domain', () => {
    const manifest = edit((m) => {
      m.validDomains = ['*.contoso.gov.uk'];
    });
    expect(checkManifest(manifest)).toEqual([]);
  });
});
