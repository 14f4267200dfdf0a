// Shared by the tool and the runner (linked into both): the byte pump of a restore's way to its package sources.
using System.Net.Sockets;

namespace SnippetCheck.Execution;

/// <summary>
/// Carries bytes both ways between two connected sockets until both directions end (each end's close is passed on as
/// a shutdown of the other's sending side), or either fails. Neither socket is read as anything but bytes.
/// </summary>
internal static class SocketRelay
{
    public static async Task RunAsync(Socket first, Socket second)
    {
        using var one = new NetworkStream(first, ownsSocket: false);
        using var other = new NetworkStream(second, ownsSocket: false);
        await Task.WhenAll(PumpAsync(one, second, other), PumpAsync(other, first, one)).ConfigureAwait(false);
    }

    private static async Task PumpAsync(NetworkStream from, Socket toSocket, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to).ConfigureAwait(false);
            toSocket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // One end went away: the other learns it when its own pump fails or ends.
            try
            {
                toSocket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception again) when (again is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
