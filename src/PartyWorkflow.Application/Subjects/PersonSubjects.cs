using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Engine.Definitions;
using PartyWorkflow.Engine.Execution;
using PartyWorkflow.Engine.Rules;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Subjects;

/// <summary>
/// Instances about a person (member development). The first step's fact named by the effect's
/// <c>fact</c> parameter holds the person's details; the person is found by citizen ID or registered.
/// The details live on the person's row only; the instance and its history refer to them by id.
/// </summary>
public sealed class PersonSubjects(PartyWorkflowDbContext db, Clock clock, Privacy.PersonalData personalData) : ISubjectKind
{
    public string Kind => "person";

    public string RecipientType => "member";

    /// <summary>The person looked up by citizen ID in the start's batch (none found is an answer too).</summary>
    private (string CitizenId, ReadBatch.Rows<Person> Found)? prefetched;

    public string? Prefetch(ReadBatch batch, JsonObject parameters, JsonObject facts)
    {
        var citizenId = CitizenId.Normalize(FactReader.Text(Details(parameters, facts), "citizenId") ?? "");
        if (citizenId.Length == 0) return null;
        var condition = $"{batch.Column<Person>(nameof(Person.CitizenIdHash))} = {batch.Parameter(personalData.HashCitizenId(citizenId))}";
        prefetched = (citizenId, batch.Where<Person>(condition));
        return $"SELECT {batch.Column<Person>(nameof(Person.Id))} FROM {batch.Table<Person>()} WHERE {condition}";
    }

    public async Task<SubjectStatus?> IdentifyAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        var details = Details(parameters, facts);
        var field = FactName(parameters);
        if (ContactDetails.Check($"{field}.email", FactReader.Text(details, "email")).ToList() is [_, ..] problems)
            throw new InvalidInputException(problems.ToDictionary(p => p.Field, p => new[] { p.Message }));
        var citizenId = CitizenId.Normalize(FactReader.Text(details, "citizenId") ?? "");
        if (citizenId.Length == 0) return null;
        var known = await FindAsync(citizenId, ct);
        return known is null ? null : new SubjectStatus(known.Id, known.Membership, HasOpenProcess: false);
    }

    public async Task<SubjectContact> RegisterAsync(JsonObject parameters, JsonObject facts, CancellationToken ct)
    {
        var details = Details(parameters, facts)!;
        var field = FactName(parameters);
        var citizenId = CitizenId.Normalize(FactReader.Text(details, "citizenId") ?? "");
        var name = FactReader.Text(details, "name")!.Trim();
        var gender = FactReader.Text(details, "gender")!;
        var person = await FindAsync(citizenId, ct);
        if (person is not null && (person.Name != name || person.Gender != gender))
            throw new RuleRefusalException([Mismatch(field, person, name, gender)]);
        if (person is null)
        {
            person = db.People.Add(new Person { Id = Guid.CreateVersion7(), Name = name, Gender = gender, CreatedAt = clock.Now }).Entity;
            personalData.SetCitizenId(person, citizenId);
        }
        person.Ethnicity = FactReader.Text(details, "ethnicity") ?? person.Ethnicity;
        if (FactReader.Text(details, "phone") is { Length: > 0 } phone) personalData.SetPhone(person, phone);
        person.Email = FactReader.Text(details, "email") ?? person.Email;
        person.Education = FactReader.Text(details, "education") ?? person.Education;
        person.OccupationCategory = FactReader.Text(details, "occupationCategory") ?? person.OccupationCategory;
        return new SubjectContact(person.Id, person.Name, person.Email);
    }

    public async Task<IReadOnlyDictionary<Guid, SubjectContact>> ContactsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new SubjectContact(p.Id, p.Name, p.Email)).ToDictionaryAsync(p => p.Id, ct);

    /// <summary>The person with this citizen ID, tracked: from the start's batch when it looked, else by a query.</summary>
    private async Task<Person?> FindAsync(string citizenId, CancellationToken ct) =>
        prefetched is { } p && p.CitizenId == citizenId
            ? p.Found.Items.FirstOrDefault()
            : await db.People.FirstOrDefaultAsync(x => x.CitizenIdHash == personalData.HashCitizenId(citizenId), ct);

    /// <summary>A known citizen ID with another name or gender is a typo or another person: never overwritten silently.</summary>
    private static RuleMessage Mismatch(string field, Person person, string name, string gender)
    {
        var differences = new List<(string Zh, string En, string Field)>();
        if (person.Name != name) differences.Add(($"姓名登记为“{person.Name}”，申请填写为“{name}”", $"the name on record is '{person.Name}', the application says '{name}'", $"{field}.name"));
        if (person.Gender != gender) differences.Add(($"性别登记为 {person.Gender}，申请填写为 {gender}", $"the gender on record is {person.Gender}, the application says {gender}", $"{field}.gender"));
        return new RuleMessage("person-details-match",
            new LocalizedText(
                $"该公民身份号码已登记：{string.Join("；", differences.Select(d => d.Zh))}。请核对，或先更正人员信息",
                $"this citizen ID is registered already: {string.Join("; ", differences.Select(d => d.En))}. Check it, or correct the person's record first"),
            Fields: differences.Select(d => d.Field).ToList());
    }

    private static string FactName(JsonObject parameters) => FactReader.Text(parameters, "fact") ?? "person";

    private static JsonObject? Details(JsonObject parameters, JsonObject facts) => facts[FactName(parameters)] as JsonObject;
}
