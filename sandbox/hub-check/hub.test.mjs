// Microsoft's own SignalR client against the sandbox's ProposalDetailHub: if this passes, the hub
// speaks real SignalR (JSON hub protocol, WebSockets, no negotiation), as InsurUp's vendor SDK uses it.
//
// INSURUP_SANDBOX_BIN names the sandbox binary (default: target/debug/insurup-sandbox under the
// repository root).

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  HttpTransportType,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
} from '@microsoft/signalr';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = process.env.INSURUP_SANDBOX_BIN ?? `${REPO}target/debug/insurup-sandbox`;
const AGENT_ID = '00000000-0000-4000-8000-000000000001';
const EVENTS = [
  'ReceiveProposalProductSuccess',
  'ReceiveProposalProductFailed',
  'ReceiveProposalProductInProgress',
  'ReceiveProposalProductRevised',
  'ReceiveProposalProductPurchasing',
  'ReceiveProposalProductPurchased',
  'ReceiveProposalProductPurchaseFailed',
  'ReceiveProposalProductCoverage',
];
const PATIENCE_MS = 15_000;

let sandbox;
let base;
let token;
let customer;
let vehicle;

async function call(method, path, body, auth = token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function ok(method, path, body) {
  const reply = await call(method, path, body);
  assert.ok(reply.status < 300, `${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

before(async () => {
  // Real insurer latencies at half speed: every answer comes after the test has registered.
  sandbox = spawn(BIN, ['--port', '0', '--latency-scale', '0.5', '--dialect', 'vendor-sdk'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'warn' },
  });
  const lines = createInterface({ input: sandbox.stdout });
  base = await new Promise((resolve, reject) => {
    sandbox.once('error', reject);
    sandbox.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
    lines.once('line', resolve);
  });
  const login = await call('POST', '/api/authentication:agent-user/login', {
    email: 'agent@sandbox.insurup.test',
    password: 'sandbox-password',
  });
  assert.equal(login.status, 200);
  token = login.body.accessToken;
  customer = (
    await ok('POST', '/api/customers', {
      $type: 'individual',
      identityNumber: '11111111110',
      fullName: 'AHMET YILMAZ',
      birthDate: '1990-01-01',
      phoneNumber: { countryCode: 90, number: '5321234567' },
      agentId: AGENT_ID,
    })
  ).id;
  vehicle = (
    await ok('POST', `/api/customers/${customer}/vehicles`, {
      customerId: customer,
      plate: { city: 34, code: 'ABC123' },
      modelYear: 2021,
      brandReference: '139',
      modelTypeReference: '139014',
      utilizationStyle: 'PRIVATE_CAR',
      fuel: 'GASOLINE',
      documentSerial: { code: 'AB', number: '123456' },
    })
  ).id;
});

after(() => {
  sandbox?.kill('SIGTERM');
});

async function createProposal() {
  return (
    await ok('POST', '/api/proposals', {
      $type: 'kasko',
      productBranch: 'KASKO',
      insurerCustomerId: customer,
      insuredCustomerId: customer,
      vehicleId: vehicle,
      channel: 'API',
    })
  ).proposalId;
}

/** A connection as the vendor SDK builds it, recording every event it hears. */
function hub({ url = `${base}/hubs/proposal-detail`, withToken = true, reconnect } = {}) {
  let builder = new HubConnectionBuilder()
    .withUrl(url, {
      skipNegotiation: true,
      transport: HttpTransportType.WebSockets,
      ...(withToken ? { accessTokenFactory: () => token } : {}),
    })
    // Expected failures (a refused start, a Close with an error) would otherwise log as errors.
    .configureLogging(LogLevel.Critical);
  if (reconnect) {
    builder = builder.withAutomaticReconnect(reconnect);
  }
  const connection = builder.build();
  const heard = [];
  const waiters = [];
  const record = (target) => (event) => {
    heard.push({ target, event });
    for (const waiter of [...waiters]) waiter();
  };
  for (const target of [...EVENTS, 'Marker']) {
    connection.on(target, record(target));
  }
  /** Resolves once `done(heard)` holds. */
  const until = (done, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; heard ${JSON.stringify(heard)}`)),
        PATIENCE_MS,
      );
      const check = () => {
        if (done(heard)) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(heard);
        }
      };
      waiters.push(check);
      check();
    });
  return { connection, heard, until };
}

test('connects without negotiation, registers, and hears every insurer answer as a REST read then shows it', async () => {
  const { connection, until } = hub();
  await connection.start();
  try {
    const proposalId = await createProposal();
    await connection.invoke('Register', { proposalId });
    const first = await ok('GET', `/api/proposals/${proposalId}`);
    const ids = first.products.map((p) => p.id);
    const heard = await until(
      (events) => ids.every((id) => events.some((e) => e.event.proposalProductId === id)),
      'an answer from every insurer',
    );
    const settled = await ok('GET', `/api/proposals/${proposalId}`);
    assert.notEqual(settled.state, 'WAITING');
    for (const product of settled.products) {
      const answers = heard.filter((e) => e.event.proposalProductId === product.id);
      assert.equal(answers.length, 1, `one answer for ${product.id}`);
      const [{ target, event }] = answers;
      assert.equal(event.proposalId, proposalId);
      assert.equal(event.insuranceCompanyName, product.insuranceCompanyName);
      if (target === 'ReceiveProposalProductSuccess') {
        assert.equal(product.state, 'ACTIVE');
        assert.deepEqual(
          event.premiums.map((p) => p.grossPremium),
          product.premiums.map((p) => p.grossPremium),
        );
      } else {
        assert.equal(target, 'ReceiveProposalProductFailed');
        assert.equal(product.state, 'FAILED');
        assert.equal(event.errorMessage, product.errorMessage);
      }
    }
  } finally {
    await connection.stop();
  }
});

test('hears a purchase as Purchasing then Purchased, with the policy', async () => {
  const { connection, until } = hub();
  await connection.start();
  try {
    const proposalId = await createProposal();
    await connection.invoke('Register', { proposalId });
    const products = (await ok('GET', `/api/proposals/${proposalId}`)).products.map((p) => p.id);
    const heard = await until(
      (events) => products.every((id) => events.some((e) => e.event.proposalProductId === id)),
      'every insurer',
    );
    const quoted = heard.find((e) => e.target === 'ReceiveProposalProductSuccess');
    assert.ok(quoted, 'an insurer quoted');
    const productId = quoted.event.proposalProductId;
    const bought = await ok('POST', `/api/proposals/${proposalId}/products/${productId}/purchase/sync`, {
      $type: 'credit-card',
      proposalId,
      proposalProductId: productId,
      installmentNumber: 1,
      card: { number: '4242424242424242', cvc: '123', expiryMonth: '12', expiryYear: '2030', holderName: 'AHMET YILMAZ' },
    });
    const all = await until(
      (events) => events.some((e) => e.target === 'ReceiveProposalProductPurchased'),
      'the purchase',
    );
    const purchase = all.filter((e) => e.target.includes('Purchas')).map((e) => e.target);
    assert.deepEqual(purchase, ['ReceiveProposalProductPurchasing', 'ReceiveProposalProductPurchased']);
    assert.equal(all.at(-1).event.policyId, bought.policyId);
  } finally {
    await connection.stop();
  }
});

test('an unknown hub method or a foreign proposal rejects the invocation', async () => {
  const { connection } = hub();
  await connection.start();
  try {
    await assert.rejects(connection.invoke('Subscribe', { proposalId: 'x' }), /Method does not exist/);
    await assert.rejects(
      connection.invoke('Register', { proposalId: '000000000000000000000000' }),
      /Teklif bulunamadı/,
    );
    assert.equal(connection.state, HubConnectionState.Connected);
  } finally {
    await connection.stop();
  }
});

test('a token in the access_token query, as browsers send it, is accepted', async () => {
  const url = `${base}/hubs/proposal-detail?access_token=${encodeURIComponent(token)}`;
  const { connection } = hub({ url, withToken: false });
  await connection.start();
  await connection.stop();
  // Without a token the upgrade is refused (401), so the WebSocket never opens.
  const { connection: anonymous } = hub({ withToken: false });
  await assert.rejects(anonymous.start(), /WebSocket failed to connect/);
  assert.equal(anonymous.state, HubConnectionState.Disconnected);
});

test('after a Close that allows reconnecting the client reconnects, registers again and hears events', async () => {
  const { connection, until } = hub({ reconnect: [0, 100, 500] });
  let reconnected;
  const back = new Promise((resolve) => {
    reconnected = resolve;
  });
  const proposalId = await createProposal();
  connection.onreconnected(async () => {
    await connection.invoke('Register', { proposalId });
    reconnected();
  });
  await connection.start();
  try {
    await connection.invoke('Register', { proposalId });
    const closed = await ok('POST', '/__sandbox/hub/close', { allowReconnect: true });
    assert.ok(closed.connections >= 1);
    await back;
    await ok('POST', '/__sandbox/hub/events', { proposalId, target: 'Marker', argument: { proposalId } });
    await until((events) => events.some((e) => e.target === 'Marker'), 'the marker after reconnecting');
  } finally {
    await connection.stop();
  }
});

test('a Close without allowReconnect ends the connection for good', async () => {
  const { connection } = hub({ reconnect: [0, 100, 500] });
  let reconnecting = false;
  connection.onreconnecting(() => {
    reconnecting = true;
  });
  const closed = new Promise((resolve) => connection.onclose(resolve));
  await connection.start();
  await ok('POST', '/__sandbox/hub/close', { error: 'Sunucu bakımda.' });
  const error = await closed;
  assert.match(String(error), /Sunucu bakımda/);
  assert.equal(reconnecting, false);
  assert.equal(connection.state, HubConnectionState.Disconnected);
});
