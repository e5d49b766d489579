using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Access;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Privacy;

/// <summary>A person's citizen ID and phone, whole: for the roles whose work needs them, one person at a time (and audited).</summary>
public sealed record GetPersonalData(Guid PersonId, Actor Reader) : IQuery<PersonalDataView>;

public sealed record PersonalDataView(Guid PersonId, string CitizenId, string? Phone);

public sealed class GetPersonalDataHandler(PartyWorkflowDbContext db, PersonalData personalData) : IQueryHandler<GetPersonalData, PersonalDataView>
{
    /// <summary>The branch contacts its members and applicants; the party committee and the organization department keep the records.</summary>
    public static readonly string[] Roles = [Actor.Branch, Actor.PartyCommittee, Actor.OrganizationDepartment];

    public async ValueTask<PersonalDataView> Handle(GetPersonalData query, CancellationToken ct)
    {
        var self = query.Reader.PersonId == query.PersonId;
        // Roles that need the whole values read them within their scopes (an unscoped one everywhere); administrators do not.
        var reader = self ? query.Reader : query.Reader with { Roles = query.Reader.Roles.Where(r => Roles.Contains(r.Role)).ToList() };
        if (reader.Roles.Count == 0 && !self)
            throw ForbiddenException.For("personal-data-not-permitted", "该角色不能查看完整的身份证号和电话", "this role does not see whole citizen IDs and phones");
        var allowed = self ? null : await ReadScope.OrganizationsAsync(db, reader, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PersonId, ct);
        if (person is null || !ReadScope.CoversPerson(allowed, reader, person.Id, await Scopes.OrganizationOfPersonAsync(db, person.Id, ct)))
            throw new NotFoundException("person", query.PersonId.ToString());
        return new PersonalDataView(person.Id, personalData.CitizenIdOf(person), personalData.PhoneOf(person));
    }
}
