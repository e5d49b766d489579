using PartyWorkflow.Application.Common;

namespace PartyWorkflow.Application.Subjects;

/// <summary>The subject kinds registered, by id.</summary>
public sealed class SubjectKinds(IEnumerable<ISubjectKind> kinds)
{
    private readonly Dictionary<string, ISubjectKind> byKind = kinds.ToDictionary(k => k.Kind);

    public IReadOnlyCollection<string> Ids => byKind.Keys;

    /// <summary>Every kind's <see cref="ISubjectKind.PrefetchForAction"/>: the action's definition is not known before its read.</summary>
    public void PrefetchForAction(Persistence.ReadBatch batch, string subjectIdSql)
    {
        foreach (var kind in byKind.Values) kind.PrefetchForAction(batch, subjectIdSql);
    }

    public ISubjectKind Get(string kind) =>
        byKind.GetValueOrDefault(kind) ?? throw new InvalidOperationException($"no subject kind '{kind}' is registered");

    /// <summary>The contacts of the subjects of these deadlines (or instances), one query per subject kind.</summary>
    public async Task<Dictionary<(string Kind, Guid Id), SubjectContact>> ContactsAsync(IEnumerable<(string Kind, Guid Id)> subjects, CancellationToken ct)
    {
        var found = new Dictionary<(string, Guid), SubjectContact>();
        foreach (var group in subjects.Distinct().GroupBy(s => s.Kind))
            foreach (var (id, contact) in await Get(group.Key).ContactsAsync(group.Select(s => s.Id).ToList(), ct))
                found[(group.Key, id)] = contact;
        return found;
    }
}
