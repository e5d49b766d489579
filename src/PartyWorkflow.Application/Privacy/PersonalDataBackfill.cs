using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Privacy;

/// <summary>
/// Seals what is not sealed, after the migrations: citizen IDs and phones written before sealing
/// existed, and, once a new current key is configured, values sealed under an older key (that is how
/// keys are rotated). A page at a time, as the tables' owner.
/// </summary>
public static class PersonalDataBackfill
{
    private const int Page = 500;
    private const string Unsealed = PersonalData.Format + ".";

    public static async Task<int> RunAsync(PartyWorkflowDbContext db, PersonalData data, bool rotate, CancellationToken ct = default)
    {
        var done = 0;
        // The current key is only looked up when keys are to be rotated; plain text is found without it.
        var current = rotate ? data.CurrentPrefix : Unsealed;
        while (true)
        {
            var people = await db.People
                .Where(p => p.CitizenIdHash.StartsWith("legacy:") || !p.CitizenIdSealed.StartsWith(current)
                            || (p.PhoneSealed != null && !p.PhoneSealed.StartsWith(current)))
                .OrderBy(p => p.Id).Take(Page).ToListAsync(ct);
            if (people.Count == 0) return done;
            foreach (var person in people)
            {
                data.SetCitizenId(person, data.CitizenIdOf(person));
                data.SetPhone(person, data.PhoneOf(person));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += people.Count;
        }
    }
}
