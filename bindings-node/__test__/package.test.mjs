import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'

import * as esm from 'insurup-sdk'

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cjs = createRequire(import.meta.url)('insurup-sdk')

describe('the package', () => {
  test('ESM and CommonJS expose the same names', () => {
    const commonJsNames = Object.keys(cjs).filter((name) => !name.startsWith('__'))
    const esmNames = Object.keys(esm).filter((name) => name !== 'default')
    assert.deepEqual(esmNames.sort(), commonJsNames.sort())
    assert.equal(esm.Client, cjs.Client)
  })

  test('the type header lists every wire value of every enum the core knows', () => {
    const header = readFileSync(path.join(packageDir, 'header.d.ts'), 'utf8')
    for (const [name, values] of Object.entries(esm.enumValues())) {
      const union = header.match(new RegExp(`export type ${name} =([^]*?)\\| \\(string & \\{\\}\\)`))
      assert.ok(union, `header.d.ts declares ${name} as a union open to unknown values`)
      const declared = [...union[1].matchAll(/'([A-Z0-9_]+)'/g)].map((match) => match[1])
      assert.deepEqual(declared, values, `${name} in header.d.ts`)
    }
  })

  test('every kind of error the core names is a class, exported and declared', () => {
    const header = readFileSync(path.join(packageDir, 'header.d.ts'), 'utf8')
    const lagging = []
    for (const kind of esm.errorKinds()) {
      const ErrorClass = esm[kind]
      if (typeof ErrorClass !== 'function' || !(ErrorClass.prototype instanceof esm.InsurUpError)) {
        lagging.push(`${kind}: no InsurUpError subclass in the ESM exports (index.mjs)`)
      } else if (cjs[kind] !== ErrorClass || new ErrorClass('m').name !== kind) {
        lagging.push(`${kind}: the CommonJS class differs or is misnamed`)
      }
      if (!header.includes(`export declare class ${kind} extends InsurUpError`)) {
        lagging.push(`${kind}: not declared in header.d.ts`)
      }
    }
    assert.deepEqual(lagging, [], 'the Node package lags the core')
  })

  test('npm pack makes a tarball that installs and loads through require and import', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'insurup-sdk-pack-'))
    try {
      const npm = (...args) => execFileSync('npm', args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      const [{ filename, files }] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: packageDir, encoding: 'utf8' }),
      )
      const packed = files.map((file) => file.path)
      for (const file of ['index.js', 'index.mjs', 'index.d.ts', 'native.js', 'errors.js', 'package.json']) {
        assert.ok(packed.includes(file), `${file} is in the tarball`)
      }
      assert.ok(packed.some((file) => file.endsWith('.node')), 'the native module is in the tarball')

      writeFileSync(path.join(work, 'package.json'), JSON.stringify({ private: true }))
      npm('install', '--offline', '--no-audit', '--no-fund', path.join(work, filename))
      const node = (...args) => execFileSync(process.execPath, args, { cwd: work, encoding: 'utf8' }).trim()
      assert.equal(node('-e', "console.log(typeof require('insurup-sdk').Client)"), 'function')
      assert.equal(
        node('--input-type=module', '-e', "import { Client } from 'insurup-sdk'; console.log(typeof Client)"),
        'function',
      )
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
