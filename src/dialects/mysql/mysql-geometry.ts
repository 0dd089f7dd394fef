/**
 * GEOMETRY values as GeoJSON (`{ type: 'Point', coordinates: [1, 2] }`), as Sequelize v6 gives them on MySQL.
 * They travel in MySQL's internal format: a 4-byte SRID, then little-endian WKB.
 */

type Position = number[];
interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

const typeCodes: Readonly<Record<string, number>> = {
  Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7,
};
const typeNames = Object.fromEntries(Object.entries(typeCodes).map(([name, code]) => [code, name])) as Record<number, string>;

class Writer {
  private readonly chunks: Buffer[] = [];
  uint32(value: number): void {
    const chunk = Buffer.alloc(4);
    chunk.writeUInt32LE(value);
    this.chunks.push(chunk);
  }
  double(value: number): void {
    const chunk = Buffer.alloc(8);
    chunk.writeDoubleLE(value);
    this.chunks.push(chunk);
  }
  byte(value: number): void {
    this.chunks.push(Buffer.from([value]));
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writePosition(writer: Writer, position: unknown): void {
  if (!Array.isArray(position) || position.length < 2) throw new TypeError(`Invalid GeoJSON position ${JSON.stringify(position)}: expected [x, y].`);
  writer.double(Number(position[0]));
  writer.double(Number(position[1]));
}

function writeList<T>(writer: Writer, items: unknown, write: (item: T) => void): void {
  if (!Array.isArray(items)) throw new TypeError(`Invalid GeoJSON coordinates ${JSON.stringify(items)}: expected an array.`);
  writer.uint32(items.length);
  for (const item of items as T[]) write(item);
}

function writeGeometry(writer: Writer, geometry: Geometry): void {
  const code = typeCodes[geometry.type];
  if (code === undefined) throw new TypeError(`Unsupported GeoJSON geometry type "${geometry.type}": expected one of ${Object.keys(typeCodes).join(', ')}.`);
  writer.byte(1);
  writer.uint32(code);
  const coordinates = geometry.coordinates;
  const ring = (points: unknown) => writeList<Position>(writer, points, (point) => writePosition(writer, point));
  switch (geometry.type) {
    case 'Point':
      return writePosition(writer, coordinates);
    case 'LineString':
      return ring(coordinates);
    case 'Polygon':
      return writeList(writer, coordinates, ring);
    case 'MultiPoint':
      return writeList<Position>(writer, coordinates, (point) => writeGeometry(writer, { type: 'Point', coordinates: point }));
    case 'MultiLineString':
      return writeList<Position[]>(writer, coordinates, (line) => writeGeometry(writer, { type: 'LineString', coordinates: line }));
    case 'MultiPolygon':
      return writeList<Position[][]>(writer, coordinates, (polygon) => writeGeometry(writer, { type: 'Polygon', coordinates: polygon }));
    default:
      return writeList<Geometry>(writer, geometry.geometries, (item) => writeGeometry(writer, item));
  }
}

/** GeoJSON to MySQL's internal geometry bytes (SRID 0, as v6's `ST_GeomFromText(wkt)` stores it). */
export function geoJsonToMysql(geometry: Geometry): Buffer {
  const writer = new Writer();
  writer.uint32(0);
  writeGeometry(writer, geometry);
  return writer.buffer();
}

class Reader {
  offset = 0;
  littleEndian = true;
  constructor(private readonly bytes: Buffer) {}
  byte(): number {
    return this.bytes.readUInt8(this.offset++);
  }
  uint32(): number {
    const value = this.littleEndian ? this.bytes.readUInt32LE(this.offset) : this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }
  double(): number {
    const value = this.littleEndian ? this.bytes.readDoubleLE(this.offset) : this.bytes.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }
}

function readGeometry(reader: Reader): Geometry {
  reader.littleEndian = reader.byte() === 1;
  const type = typeNames[reader.uint32() % 1000];
  const position = () => [reader.double(), reader.double()];
  const list = <T>(read: () => T): T[] => Array.from({ length: reader.uint32() }, read);
  const points = () => list(position);
  switch (type) {
    case 'Point':
      return { type, coordinates: position() };
    case 'LineString':
      return { type, coordinates: points() };
    case 'Polygon':
      return { type, coordinates: list(points) };
    case 'MultiPoint':
    case 'MultiLineString':
    case 'MultiPolygon':
      return { type, coordinates: list(() => readGeometry(reader).coordinates) };
    case 'GeometryCollection':
      return { type, geometries: list(() => readGeometry(reader)) };
    default:
      throw new TypeError('Unreadable geometry value from MySQL.');
  }
}

/** MySQL's internal geometry bytes (SRID + WKB) to GeoJSON. */
export function mysqlToGeoJson(bytes: Buffer): Geometry {
  const reader = new Reader(bytes);
  reader.offset = 4;
  return readGeometry(reader);
}
