// Shared start-up for the examples: use the INSURUP_* variables when INSURUP_BASE_URL is set,
// otherwise start a local sandbox and log in as its 2FA test user.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'

import { Client } from 'insurup-sdk'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Starts `insurup-sandbox` (built by `cargo build -p insurup-sandbox`), stopped when this
 * process exits, and returns its base URL.
 * @param {string[]} extraArgs
 * @returns {Promise<string>}
 */
async function startSandbox(extraArgs) {
  const binary = process.env.INSURUP_SANDBOX_BIN ?? path.join(repoRoot, 'target', 'debug', 'insurup-sandbox')
  const child = spawn(binary, ['--port', '0', '--latency-scale', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'ignore'] })
  process.on('exit', () => child.kill())
  const lines = readline.createInterface({ input: child.stdout })
  const [baseUrl] = await once(lines, 'line') // the sandbox prints its base URL first
  lines.close()
  child.stdout.destroy() // nothing else comes on stdout; the sandbox need not keep us alive
  child.unref()
  return String(baseUrl)
}

/**
 * @param {...string} sandboxArgs
 * @returns {Promise<Client>}
 */
export async function connect(...sandboxArgs) {
  if (process.env.INSURUP_BASE_URL) return Client.fromEnv()
  return new Client({
    baseUrl: await startSandbox(sandboxArgs),
    email: 'mfa@sandbox.insurup.test',
    password: 'sandbox-password',
    twoFactor: async () => '123456', // a real app asks the user for the SMS code
    agentId: '00000000-0000-4000-8000-000000000001',
  })
}
