namespace PartyWorkflow.LoadDriver;

/// <summary>New applications: a fresh applicant each (one person may have one open application), round robin over the branches.</summary>
public sealed class Applications(Api api, Organization organization, InstancePool pool)
{
    /// <summary>Submits one; an accepted application joins the pool, for the action windows to advance.</summary>
    public async Task<Reply> SubmitAsync(CancellationToken ct)
    {
        var branch = organization.NextBranch();
        var reply = await api.SubmitApplicationAsync(branch, CitizenIds.For(Dates.ApplicantBirth), Dates.Application, ct);
        if (reply is { Status: 201, Id: { } id }) pool.AddFresh(new Instance(id, branch));
        return reply;
    }
}
