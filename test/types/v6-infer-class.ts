// A Sequelize v6 app's TypeScript, as written for sequelize@6 (only the import differs): it must keep compiling.
import {
  Association, CreationOptional, DataTypes, ForeignKey, HasManyAddAssociationMixin, HasManyAddAssociationsMixin,
  HasManyCountAssociationsMixin, HasManyCreateAssociationMixin, HasManyGetAssociationsMixin, HasManyHasAssociationMixin,
  HasManyHasAssociationsMixin, HasManyRemoveAssociationMixin, HasManyRemoveAssociationsMixin, HasManySetAssociationsMixin,
  HasOneCreateAssociationMixin, HasOneGetAssociationMixin, HasOneSetAssociationMixin, BelongsToGetAssociationMixin,
  BelongsToSetAssociationMixin, BelongsToCreateAssociationMixin, InferAttributes, InferCreationAttributes, Model,
  ModelDefined, NonAttribute, Optional, Op, Sequelize,
} from '../../src/index.js';

const sequelize = new Sequelize('sqlite::memory:', { logging: false });

class Author extends Model<InferAttributes<Author, { omit: 'books' | 'profile' }>, InferCreationAttributes<Author, { omit: 'books' | 'profile' }>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare nickname: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare getBooks: HasManyGetAssociationsMixin<Book>;
  declare addBook: HasManyAddAssociationMixin<Book, number>;
  declare addBooks: HasManyAddAssociationsMixin<Book, number>;
  declare setBooks: HasManySetAssociationsMixin<Book, number>;
  declare removeBook: HasManyRemoveAssociationMixin<Book, number>;
  declare removeBooks: HasManyRemoveAssociationsMixin<Book, number>;
  declare hasBook: HasManyHasAssociationMixin<Book, number>;
  declare hasBooks: HasManyHasAssociationsMixin<Book, number>;
  declare countBooks: HasManyCountAssociationsMixin;
  declare createBook: HasManyCreateAssociationMixin<Book, 'authorId'>;

  declare getProfile: HasOneGetAssociationMixin<Profile>;
  declare setProfile: HasOneSetAssociationMixin<Profile, number>;
  declare createProfile: HasOneCreateAssociationMixin<Profile>;

  declare books?: NonAttribute<Book[]>;
  declare profile?: NonAttribute<Profile>;

  get displayName(): NonAttribute<string> {
    return this.nickname ?? this.name;
  }

  declare static associations: {
    books: Association<Author, Book>;
    profile: Association<Author, Profile>;
  };
}

class Book extends Model<InferAttributes<Book>, InferCreationAttributes<Book>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare pages: number | null;
  declare authorId: ForeignKey<Author['id']>;
  declare author?: NonAttribute<Author>;
  declare getAuthor: BelongsToGetAssociationMixin<Author>;
  declare setAuthor: BelongsToSetAssociationMixin<Author, number>;
  declare createAuthor: BelongsToCreateAssociationMixin<Author>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

class Profile extends Model<InferAttributes<Profile>, InferCreationAttributes<Profile>> {
  declare id: CreationOptional<number>;
  declare bio: string;
  declare authorId: ForeignKey<Author['id']>;
}

interface NoteAttributes { id: number; title: string; content: string }
type NoteCreationAttributes = Optional<NoteAttributes, 'id' | 'title'>;
const Note: ModelDefined<NoteAttributes, NoteCreationAttributes> = sequelize.define(
  'Note',
  { title: { type: new DataTypes.STRING(64), defaultValue: 'Unnamed Note' }, content: { type: new DataTypes.STRING(4096), allowNull: false } },
  { tableName: 'notes' },
);

Author.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    name: { type: new DataTypes.STRING(128), allowNull: false },
    nickname: { type: new DataTypes.STRING(128), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { tableName: 'authors', sequelize },
);
Book.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    title: { type: new DataTypes.STRING(128), allowNull: false },
    pages: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'books' },
);
Profile.init(
  { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, bio: { type: DataTypes.TEXT, allowNull: false } },
  { sequelize, tableName: 'profiles' },
);

Author.hasMany(Book, { sourceKey: 'id', foreignKey: 'authorId', as: 'books' });
Book.belongsTo(Author, { targetKey: 'id', as: 'author' });
Author.hasOne(Profile, { sourceKey: 'id', foreignKey: 'authorId', as: 'profile' });

export async function run(): Promise<Record<string, unknown>> {
  await sequelize.sync({ force: true });
  const author = await Author.create({ name: 'Ann', nickname: null });
  const book = await author.createBook({ title: 'First', pages: 10 });
  await author.createProfile({ bio: 'hi' });
  const second = await Book.create({ title: 'Second', pages: null, authorId: author.id });
  await author.addBook(second);
  const count: number = await author.countBooks();
  const has: boolean = await author.hasBook(book);
  const books: Book[] = await author.getBooks({ where: { pages: { [Op.gt]: 1 } }, order: [['title', 'ASC']] });
  const owner: Author = await book.getAuthor();
  const found = await Author.findByPk(author.id, { include: [Author.associations.books, Author.associations.profile], rejectOnEmpty: true });
  const names: string[] = found.books?.map((b) => b.title) ?? [];
  const note = await Note.create({ content: 'x' });
  const noteTitle = note.get('title');
  await book.setAuthor(author);
  const display: string = author.displayName;
  return { count, has, bookTitles: books.map((b) => b.title), owner: owner.name, names, bio: found.profile?.bio, noteTitle, display };
}
