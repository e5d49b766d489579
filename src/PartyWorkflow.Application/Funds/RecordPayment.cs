using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;
using PartyWorkflow.Persistence.Entities;

namespace PartyWorkflow.Application.Funds;

/// <summary>Records funds paid to an organization: when, how much, to whom, against which item, with the voucher's reference.</summary>
public sealed record RecordPayment(Guid? OrganizationId, DateOnly? PaidOn, decimal? Amount, string? PaidTo, string? Item = null, string? Reference = null)
    : ICommand<PaymentView>, IValidate, IIdempotent
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string IdempotencyScope => "POST /api/funds/payments";

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (OrganizationId is null) yield return ("organizationId", "is required / 必填");
        if (PaidOn is null) yield return ("paidOn", "is required / 必填");
        else if (PaidOn is { Year: < 2000 or > 2100 }) yield return ("paidOn", "must be a date between 2000 and 2100");
        if (Amount is null) yield return ("amount", "is required / 必填");
        else if (Amount is <= 0 or > 10_000_000) yield return ("amount", "must be more than 0 and at most 10000000 / 应大于 0 且不超过 10000000");
        else if (decimal.Round(Amount.Value, 2) != Amount) yield return ("amount", "at most two decimals (fen) / 最多两位小数");
        if (string.IsNullOrWhiteSpace(PaidTo)) yield return ("paidTo", "is required: who received it / 必填：收款人");
        foreach (var problem in ContactDetails.MaxLength("paidTo", PaidTo, 200).Concat(ContactDetails.MaxLength("reference", Reference, 200)).Concat(ContactDetails.MaxLength("item", Item, 60)))
            yield return problem;
    }
}

public sealed record PaymentView(Guid Id, Guid OrganizationId, DateOnly PaidOn, decimal Amount, string? Item, string PaidTo, string? Reference)
{
    public static PaymentView Of(FundsPayment p) => new(p.Id, p.OrganizationId, p.PaidOn, p.Amount, p.Item, p.PaidTo, p.Reference);
}

public sealed class RecordPaymentHandler(PartyWorkflowDbContext db, Workflows.WorkflowCatalog catalog, Clock clock) : ICommandHandler<RecordPayment, PaymentView>
{
    public async ValueTask<PaymentView> Handle(RecordPayment command, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OrganizationId, ct)
                           ?? throw RuleRefusalException.For("organization-exists", $"organizationId：找不到编号为 {command.OrganizationId} 的党组织", $"organizationId: no party organization with id {command.OrganizationId}");
        if (command.Item is { } item && catalog.Funds.For(organization.CountyCode)?.Items.Any(i => i.Id == item) != true)
            throw RuleRefusalException.For("funds-item-known", $"item：经费政策中没有“{item}”一项", $"item: the funds policy has no item '{item}'");
        var payment = new FundsPayment
        {
            Id = Guid.CreateVersion7(), OrganizationId = organization.Id, PaidOn = command.PaidOn!.Value, Amount = command.Amount!.Value,
            Item = command.Item, PaidTo = command.PaidTo!.Trim(), Reference = command.Reference?.Trim(), RecordedAt = clock.Now,
        };
        db.FundsPayments.Add(payment);
        return PaymentView.Of(payment);
    }
}
