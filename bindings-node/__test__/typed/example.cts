// The same package through `require` (CommonJS), checked by tsc like example.mts.
import sdk = require('insurup-sdk')

export async function me(): Promise<string | undefined> {
  const client = new sdk.Client({ baseUrl: 'http://127.0.0.1:8080', clientId: 'id', clientSecret: 'secret' })
  try {
    return (await client.reference.me()).email
  } catch (error) {
    if (error instanceof sdk.AuthenticationError) return undefined
    throw error
  }
}
