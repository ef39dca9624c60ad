/* eslint-disable no-undef */
// In the shape of Microsoft's React task-pane template (Office-Addin-TaskPane-React).
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const urlDev = 'https://localhost:3000/';
// Where the built add-in is hosted. Set INTERLOCK_URL when building for your server.
const urlProd = process.env.INTERLOCK_URL || 'https://interlock.example.com/';

// Certificates only when serving: office-addin-dev-certs installs a CA (with sudo) on first use,
// which must never happen during a build, a test or CI.
async function getHttpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = !env.WEBPACK_BUILD && !env.WEBPACK_BUNDLE;
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; ES modules let webpack drop unused code.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, 'g'), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: {
        type: 'https',
        options: serving ? await getHttpsOptions() : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
