import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { AuthenticationError, ValidationError } from 'insurup-sdk'

import { AGENT, startSandbox } from './support.mjs'

const REDIRECT = 'http://127.0.0.1:53682/callback'

let sandbox
before(async () => {
  sandbox = await startSandbox()
})
after(() => sandbox.stop())

/** What the user's browser does: sign in, consent, land on the callback. */
async function approve(url) {
  const answer = await fetch(`${sandbox.baseUrl}/__sandbox/oauth/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  })
  assert.equal(answer.status, 200)
  return (await answer.json()).redirectUrl
}

test('a user signs in in the browser, the client acts as that user, and signing out revokes it', async () => {
  const client = sandbox.client({ email: undefined, password: undefined, clientId: 'sandbox-app', redirectUri: REDIRECT })
  await assert.rejects(client.reference.me(), (error) => error instanceof AuthenticationError && /startSignIn|start_sign_in/.test(error.message))

  const request = await client.startSignIn()
  assert.match(request.authorizationUrl, /request_uri=/)
  assert.equal(await sandbox.requests('POST /connect/par'), 1)
  const callback = await approve(request.authorizationUrl)

  await assert.rejects(client.completeSignIn(callback.replace(request.state, 'forged')), (error) => error instanceof ValidationError && error.field === 'state')
  await client.completeSignIn(callback)
  assert.equal((await client.reference.me()).email, AGENT.email)

  await client.signOut()
  assert.equal(await sandbox.requests('POST /connect/revoke'), 2)
  await assert.rejects(client.reference.me(), AuthenticationError)
})
