// Builds the web side from www/ into dist/ (run `npm run build`, which
// first builds the wasm with scripts/web-build.sh):
//   dist/extension/          Chrome MV3 extension (shipped: no host permissions)
//   dist/extension-firefox/  Firefox MV3 variant (browser_specific_settings, background.scripts)
//   dist/extension-e2e/      Chrome build + host permission for http://127.0.0.1 (tests only,
//                            because activeTab is only granted by a real toolbar click)
//   dist/extension-firefox-e2e/  the Firefox build + the same host permission (tests only)
//   dist/demo/               the embed demo (uses www/lib like any page would)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyPlugin from 'copy-webpack-plugin';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const www = (p) => path.join(ROOT, 'www', p);
// The seed page ships in the repository (a clone runs without ../shared).
const SEED_PAGE = www('demo/seed.html');

const common = {
  // Eval source maps are blocked by the MV3 CSP; no source maps at all keeps dist/ lean.
  devtool: false,
  target: 'web',
  performance: { hints: false },
  optimization: { splitChunks: false, runtimeChunk: false, minimize: true },
  experiments: { asyncWebAssembly: false },
};

function manifestFor(variant) {
  return (content) => {
    const m = JSON.parse(content.toString());
    if (variant === 'firefox' || variant === 'firefox-e2e') {
      m.background = { scripts: ['background.js'] };
      delete m.minimum_chrome_version;
      m.browser_specific_settings = {
        gecko: {
          id: 'reader@declutter.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      };
    }
    if (variant === 'e2e' || variant === 'firefox-e2e') {
      m.name += ' (e2e test build)';
      m.host_permissions = ['http://127.0.0.1/*'];
    }
    return JSON.stringify(m, null, 2);
  };
}

function extension(variant, outDir) {
  return {
    ...common,
    name: `extension-${variant}`,
    entry: {
      background: www('extension/background.js'),
      content: www('extension/content.js'),
      autostart: www('extension/autostart.js'),
      reader: www('extension/reader.js'),
    },
    output: {
      path: path.join(ROOT, 'dist', outDir),
      filename: '[name].js',
      // The .wasm keeps its name: background.js loads it with runtime.getURL('declutter_bg.wasm').
      assetModuleFilename: '[name][ext]',
      publicPath: '',
      clean: true,
    },
    plugins: [
      new CopyPlugin({
        patterns: [
          { from: www('extension/manifest.json'), to: 'manifest.json', transform: manifestFor(variant) },
          { from: www('extension/reader.html') },
          { from: www('extension/reader.css') },
          { from: www('extension/icons'), to: 'icons' },
        ],
      }),
    ],
  };
}

const demo = {
  ...common,
  name: 'demo',
  entry: { demo: www('demo/demo.js') },
  output: {
    path: path.join(ROOT, 'dist', 'demo'),
    filename: '[name].js',
    assetModuleFilename: '[name][ext]',
    publicPath: 'auto',
    clean: true,
  },
  plugins: [
    new CopyPlugin({
      patterns: [
        { from: www('demo/index.html') },
        { from: www('demo/demo.css') },
        // The seed page, preloaded in the demo.
        { from: SEED_PAGE, to: 'seed.html', info: { minimized: true } },
      ],
    }),
  ],
};

export default [
  extension('chrome', 'extension'), extension('firefox', 'extension-firefox'),
  extension('e2e', 'extension-e2e'), extension('firefox-e2e', 'extension-firefox-e2e'), demo,
];
