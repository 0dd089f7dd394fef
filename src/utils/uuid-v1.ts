import { randomBytes } from 'node:crypto';

// 100 ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch.
const gregorianOffset = 122192928000000000n;
const node = randomBytes(6);
node[0]! |= 0x01; // a random node id has the multicast bit set (RFC 4122 §4.5)
let clockSequence = randomBytes(2).readUInt16BE(0) & 0x3fff;
let lastTicks = 0n;

/** A time-based (version 1) uuid, as `DataTypes.UUIDV1` defaults produce in Sequelize. */
export function uuidV1(): string {
  let ticks = BigInt(Date.now()) * 10000n + gregorianOffset;
  if (ticks <= lastTicks) {
    ticks = lastTicks + 1n;
    if (ticks - lastTicks > 10000n) clockSequence = (clockSequence + 1) & 0x3fff;
  }
  lastTicks = ticks;
  const low = (ticks & 0xffffffffn).toString(16).padStart(8, '0');
  const mid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, '0');
  const high = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0');
  const sequence = (clockSequence | 0x8000).toString(16).padStart(4, '0');
  return `${low}-${mid}-${high}-${sequence}-${node.toString('hex')}`;
}
