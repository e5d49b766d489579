using System.Text.Json.Nodes;
using PartyWorkflow.Engine.Execution;

using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Subjects;

/// <summary>A subject's name and where reminders addressed to it go.</summary>
/// <param name="RecipientId">Who receives them, when not the subject itself (a request's: the organization registered from it, else its work committee).</param>
public sealed record SubjectContact(Guid Id, string Name, string? Email, Guid? RecipientId = null);

/// <summary>
/// One kind of thing instances are about (<c>person</c>, <c>organization</c>…): how the first step's
/// facts name it, how <c>register-subject</c> records it, and how reminders address it. Registered
/// through DI; a definition names its kind in <c>subject.kind</c>.
/// </summary>
public interface ISubjectKind
{
    string Kind { get; }

    /// <summary>What a reminder's recipient of this kind is called in the inbox (<c>member</c>, <c>organization</c>).</summary>
    string RecipientType { get; }

    /// <summary>
    /// Adds the subject's lookup to a start's one read (<see cref="IdentifyAsync"/> and
    /// <see cref="RegisterAsync"/> then use what it found) and returns a SQL subquery for the subject's
    /// id, so that its locks are read in the same batch; null when the facts name no subject yet.
    /// </summary>
    string? Prefetch(ReadBatch batch, JsonObject parameters, JsonObject facts);

    /// <summary>
    /// Before the decision: the subject the first step's facts name, when the registry knows it already,
    /// so that rules can judge it (an applicant who is a member already). <paramref name="parameters"/> are
    /// those of the step's <c>register-subject</c> effect. May refuse malformed input (400).
    /// </summary>
    Task<SubjectStatus?> IdentifyAsync(JsonObject parameters, JsonObject facts, CancellationToken ct);

    /// <summary>In the action's transaction: records (or finds) the subject and returns its id and name.</summary>
    Task<SubjectContact> RegisterAsync(JsonObject parameters, JsonObject facts, CancellationToken ct);

    Task<IReadOnlyDictionary<Guid, SubjectContact>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// Adds to an action's one read the subject's own row, tracked, when the kind keeps one that the
    /// registry loader does not (an establishment request): effects then find it without a query.
    /// <paramref name="subjectIdSql"/> is a SQL subquery for the instance's subject id.
    /// </summary>
    void PrefetchForAction(ReadBatch batch, string subjectIdSql) { }
}
