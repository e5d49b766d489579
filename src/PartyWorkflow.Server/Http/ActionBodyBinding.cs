using System.Text;
using PartyWorkflow.Application.Instances;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// Binds an action's JSON body as text, so that malformed JSON gets our 400 shape (by field) and the
/// raw text can be hashed for idempotency.
/// </summary>
public sealed record ActionBodyBinding(ActionBody Value)
{
    public static async ValueTask<ActionBodyBinding?> BindAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return new ActionBodyBinding(ActionBody.Parse(text));
    }
}
