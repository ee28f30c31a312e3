// Test support: a software WebAuthn authenticator (P-256, "none" attestation) that makes real registration and
// assertion responses, for @simplewebauthn/server to verify as it would a phone's.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

const b64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

/** CBOR for what WebAuthn needs here: maps of small ints and short strings to byte strings. */
function cborBytes(b: Uint8Array): Buffer {
  const head =
    b.length < 24
      ? Buffer.from([0x40 + b.length])
      : b.length < 256
        ? Buffer.from([0x58, b.length])
        : Buffer.from([0x59, b.length >> 8, b.length & 0xff]);
  return Buffer.concat([head, b]);
}
const cborText = (s: string) => Buffer.concat([Buffer.from([0x60 + s.length]), Buffer.from(s)]);
const cborInt = (n: number) => Buffer.from([n >= 0 ? n : 0x20 + (-1 - n)]);

interface Options {
  rpId: string;
  origin: string;
  /** Whether the authenticator says it verified the user (fingerprint, PIN). */
  userVerified?: boolean;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly key: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;
  userHandle: string | undefined;

  constructor(private readonly options: Options) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.key = privateKey;
    const jwk = publicKey.export({ format: "jwk" });
    this.publicJwk = { x: jwk.x!, y: jwk.y! };
  }

  get id() {
    return b64url(this.credentialId);
  }

  private authData(flags: number, attested?: Buffer) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([
      sha256(this.options.rpId),
      Buffer.from([flags]),
      counter,
      attested ?? Buffer.alloc(0),
    ]);
  }

  private clientData(type: string, challenge: string, origin = this.options.origin) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private get flags() {
    return 0x01 | (this.options.userVerified === false ? 0 : 0x04);
  }

  /** `navigator.credentials.create` for the options the server gave. */
  register(options: { challenge: string; user: { id: string } }) {
    this.userHandle = options.user.id;
    const cose = Buffer.concat([
      Buffer.from([0xa5]),
      cborInt(1),
      cborInt(2),
      cborInt(3),
      cborInt(-7),
      cborInt(-1),
      cborInt(1),
      cborInt(-2),
      cborBytes(Buffer.from(this.publicJwk.x, "base64url")),
      cborInt(-3),
      cborBytes(Buffer.from(this.publicJwk.y, "base64url")),
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, cose]);
    const authData = this.authData(this.flags | 0x40, attested);
    const attestationObject = Buffer.concat([
      Buffer.from([0xa3]),
      cborText("fmt"),
      cborText("none"),
      cborText("attStmt"),
      Buffer.from([0xa0]),
      cborText("authData"),
      cborBytes(authData),
    ]);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** `navigator.credentials.get`: an assertion over the challenge, signed with this passkey's key. */
  assert(challenge: string, options: { origin?: string } = {}) {
    this.counter += 1;
    const authData = this.authData(this.flags);
    const clientData = this.clientData("webauthn.get", challenge, options.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), this.key);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key" as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}
