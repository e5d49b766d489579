using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PartyWorkflow.Persistence;

/// <summary>
/// Several reads in one round trip: one command whose statements each return rows of an entity,
/// materialized from EF Core's model (table, column names, type mappings and converters), so the SQL
/// here names only conditions and never drifts from the model. EF Core cannot batch queries
/// (ADR 0006); this is what the hot path uses instead. Rows are tracked, as an EF query would track
/// them (the one already tracked is returned instead), unless asked not to be.
/// </summary>
public sealed class ReadBatch(DbContext db)
{
    private readonly List<Statement> statements = [];
    private readonly List<(string Name, object? Value, RelationalTypeMapping Mapping)> parameters = [];
    private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();
    private readonly IRelationalTypeMappingSource mappings = db.GetService<IRelationalTypeMappingSource>();

    /// <summary>Whether anything was added.</summary>
    public bool IsEmpty => statements.Count == 0;

    /// <summary>A parameter placeholder for <paramref name="value"/>, typed as EF Core would type it.</summary>
    public string Parameter<T>(T value) where T : notnull
    {
        var name = $"b{parameters.Count}";
        parameters.Add((name, value, mappings.FindMapping(typeof(T)) ?? throw new InvalidOperationException($"no type mapping for {typeof(T)}")));
        return sql.GenerateParameterNamePlaceholder(name);
    }

    /// <summary>A list for <c>IN (…)</c>: the placeholders, or <c>NULL</c> (which matches nothing) for none.</summary>
    public string Parameters<T>(IEnumerable<T> values) where T : notnull
    {
        var list = values.Select(Parameter).ToList();
        return list.Count == 0 ? "NULL" : string.Join(", ", list);
    }

    public string Table<TEntity>() where TEntity : class
    {
        var type = EntityType<TEntity>();
        return sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }

    public string Column<TEntity>(string property) where TEntity : class
    {
        var type = EntityType<TEntity>();
        return sql.DelimitIdentifier(type.GetProperty(property).GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
    }

    /// <summary>The rows of <typeparamref name="TEntity"/> matching a SQL condition on its table.</summary>
    public Rows<TEntity> Where<TEntity>(string condition, bool track = true) where TEntity : class =>
        Add<TEntity>(columns => $"SELECT {columns} FROM {Table<TEntity>()} WHERE {condition}", track);

    /// <summary>Rows of <typeparamref name="TEntity"/> from any statement that returns its columns (a recursive CTE, say); the statement gets the column list.</summary>
    public Rows<TEntity> Add<TEntity>(Func<string, string> statement, bool track = true) where TEntity : class
    {
        var shape = Shape.Of(EntityType<TEntity>());
        var rows = new Rows<TEntity>();
        statements.Add(new Statement(statement(string.Join(", ", shape.Columns.Select(c => sql.DelimitIdentifier(c)))), async (reader, ct) =>
        {
            var local = db.Set<TEntity>().Local;
            while (await reader.ReadAsync(ct))
            {
                var entity = (TEntity)shape.Create();
                for (var c = 0; c < shape.Setters.Length; c++) shape.Setters[c](entity, reader, c);
                // Identity resolution, as an EF query does it: an entity tracked already is the one returned.
                if (!track)
                {
                    rows.List.Add(entity);
                    continue;
                }
                var tracked = local.FindEntryUntyped(shape.Key.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(entity)));
                if (tracked is null) db.Attach(entity);
                rows.List.Add(tracked?.Entity ?? entity);
            }
        }));
        return rows;
    }

    /// <summary>Sends every statement at once, in the current transaction, and fills each <see cref="Rows{TEntity}"/>.</summary>
    public async Task ExecuteAsync(CancellationToken ct)
    {
        if (IsEmpty) return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = string.Join(";\n", statements.Select(s => s.Sql));
            foreach (var (name, value, mapping) in parameters) command.Parameters.Add(mapping.CreateParameter(command, name, value));
            await using var reader = await command.ExecuteReaderAsync(ct);
            // Attaching a few rows needs no scan of the change tracker for changes.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < statements.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(ct)) throw new InvalidOperationException("a statement of the batch returned no result");
                await statements[i].ReadAsync(reader, ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.Database.CloseConnectionAsync();
        }
    }

    private IEntityType EntityType<TEntity>() =>
        db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model");

    private sealed record Statement(string Sql, Func<DbDataReader, CancellationToken, Task> ReadAsync);

    /// <summary>The rows one statement returned, filled when the batch has run.</summary>
    public sealed class Rows<TEntity> where TEntity : class
    {
        internal List<TEntity> List { get; } = [];

        public IReadOnlyList<TEntity> Items => List;
    }

    /// <summary>How to build one entity from a row: compiled once per entity type.</summary>
    private sealed record Shape(IEntityType Type, string[] Columns, Action<object, DbDataReader, int>[] Setters, Func<object> Create, IProperty[] Key)
    {
        private static readonly ConcurrentDictionary<IEntityType, Shape> Cache = new();
        private static readonly MethodInfo ReadMethod = typeof(Shape).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

        public static Shape Of(IEntityType type) => Cache.GetOrAdd(type, Build);

        private static Shape Build(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var properties = type.GetProperties().Where(p => p.PropertyInfo is not null).ToArray();
            var create = Expression.Lambda<Func<object>>(Expression.New(type.ClrType)).Compile();
            return new Shape(type, properties.Select(p => p.GetColumnName(table)!).ToArray(), properties.Select(Setter).ToArray(), create,
                type.FindPrimaryKey()!.Properties.ToArray());
        }

        private static Action<object, DbDataReader, int> Setter(IProperty property)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = property.GetValueConverter() ?? mapping.Converter;
            var stored = converter?.ProviderClrType ?? property.ClrType;
            var read = (Func<DbDataReader, int, object?>)ReadMethod.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored)
                .CreateDelegate(typeof(Func<DbDataReader, int, object?>));
            var entity = Expression.Parameter(typeof(object));
            var value = Expression.Parameter(typeof(object));
            var info = property.PropertyInfo!;
            var assign = Expression.Lambda<Action<object, object?>>(
                Expression.Assign(Expression.Property(Expression.Convert(entity, info.DeclaringType!), info), Expression.Convert(value, info.PropertyType)),
                entity, value).Compile();
            return (target, reader, ordinal) =>
            {
                var raw = read(reader, ordinal);
                assign(target, raw is null || converter is null ? raw : converter.ConvertFromProvider(raw));
            };
        }

        private static object? Read<T>(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }
}
