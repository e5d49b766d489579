using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Records;

/// <summary>
/// A simple dated record (the seed's): a hardship visit to a member (困难党员慰问, with the money
/// given), a commendation of a member or an organization (表彰), a secretary nominated as a delegate
/// (党代表推荐). Records are of what happened: never dated after today, never changed.
/// </summary>
public sealed record AddRecord(string? Kind, Guid? OrganizationId = null, Guid? PersonId = null, DateOnly? On = null, string? Title = null, string? By = null, decimal? Amount = null, string? Notes = null)
    : ICommand<RecordView>, IValidate, IIdempotent
{
    public static readonly string[] Kinds = ["hardship-visit", "commendation", "delegate-nomination"];

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/records";

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Kind is null) yield return ("kind", "is required / 必填");
        else if (!Kinds.Contains(Kind)) yield return ("kind", $"must be one of: {string.Join(", ", Kinds)}");
        if (Kind is "hardship-visit" or "delegate-nomination" && PersonId is null) yield return ("personId", "is required: the member visited or nominated / 必填：慰问或推荐的党员");
        if (Kind == "commendation" && PersonId is null && OrganizationId is null) yield return ("personId", "a commendation names a member or an organization / 表彰对象应为党员或党组织");
        foreach (var problem in RecordDates.Past("on", On)) yield return problem;
        if (string.IsNullOrWhiteSpace(Title)) yield return ("title", "is required: the occasion, the title or the congress / 必填：慰问事由、表彰称号或代表大会");
        if (Amount is < 0 or > 1_000_000) yield return ("amount", "must be between 0 and 1000000 / 应在 0 到 1000000 之间");
        else if (Amount is { } amount && decimal.Round(amount, 2) != amount) yield return ("amount", "at most two decimals (fen) / 最多两位小数");
        if (Amount is not null && Kind != "hardship-visit") yield return ("amount", "only a hardship visit gives money / 仅慰问记录金额");
        foreach (var problem in ContactDetails.MaxLength("title", Title, 200).Concat(ContactDetails.MaxLength("by", By, 200)).Concat(ContactDetails.MaxLength("notes", Notes, 2000)))
            yield return problem;
    }
}

public sealed record RecordView(Guid Id, string Kind, Guid? OrganizationId, Guid? PersonId, string? PersonName, DateOnly On, string Title, string? By, decimal? Amount, string? Notes)
{
    public static RecordView Of(RegistryRecord r, string? personName) => new(r.Id, r.Kind, r.OrganizationId, r.PersonId, personName, r.On, r.Title, r.By, r.Amount, r.Notes);
}

public sealed class AddRecordHandler(PartyWorkflowDbContext db, Clock clock) : ICommandHandler<AddRecord, RecordView>
{
    public async ValueTask<RecordView> Handle(AddRecord command, CancellationToken ct)
    {
        var on = command.On!.Value;
        RecordDates.NotFuture("on", on, clock);
        string? personName = null;
        if (command.PersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Name, p.Membership }).FirstOrDefaultAsync(ct)
                         ?? throw InvalidInputException.For("personId", $"no person with id {personId} / 找不到此人");
            if (command.Kind is "hardship-visit" or "delegate-nomination" && person.Membership == "none")
                throw InvalidInputException.For("personId", $"{person.Name} is not a party member / 不是党员");
            personName = person.Name;
        }
        if (command.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            throw InvalidInputException.For("organizationId", $"no party organization with id {organizationId} / 找不到此党组织");
        var record = new RegistryRecord
        {
            Id = Guid.CreateVersion7(), Kind = command.Kind!, OrganizationId = command.OrganizationId, PersonId = command.PersonId, On = on,
            Title = command.Title!.Trim(), By = command.By?.Trim(), Amount = command.Amount, Notes = command.Notes?.Trim(), RecordedAt = clock.Now,
        };
        db.RegistryRecords.Add(record);
        return RecordView.Of(record, personName);
    }
}
