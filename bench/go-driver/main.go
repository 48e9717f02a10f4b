// go-driver measures a Velero plugin from the host's side, with the go-plugin client Velero uses:
// start-to-ready (exec until the gRPC connection is usable), RestoreItemAction.Execute round trips on
// one item, and the plugin's resident memory idle and after the calls. Prints one JSON object.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	generated "github.com/vmware-tanzu/velero/pkg/plugin/generated"
)

type connPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (connPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error { return nil }

func (connPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, conn *grpc.ClientConn) (interface{}, error) {
	return conn, nil
}

type result struct {
	Plugin          string  `json:"plugin"`
	Starts          int     `json:"starts"`
	StartMedianMs   float64 `json:"startMedianMs"`
	StartMinMs      float64 `json:"startMinMs"`
	Calls           int     `json:"calls"`
	ItemBytes       int     `json:"itemBytes"`
	CallMedianMs    float64 `json:"callMedianMs"`
	CallP90Ms       float64 `json:"callP90Ms"`
	RssIdleKiB      int     `json:"rssIdleKiB"`
	RssAfterCallsKiB int    `json:"rssAfterCallsKiB"`
}

func newClient(path string) *plugin.Client {
	return plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  plugin.HandshakeConfig{ProtocolVersion: 2, MagicCookieKey: "VELERO_PLUGIN", MagicCookieValue: "hello"},
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Plugins:          map[string]plugin.Plugin{"conn": connPlugin{}},
		Cmd:              exec.Command(path, "--log-level=info"),
		Logger:           hclog.New(&hclog.LoggerOptions{Output: ioutil.Discard, Level: hclog.Error}),
	})
}

func connect(c *plugin.Client) *grpc.ClientConn {
	protocol, err := c.Client()
	must(err)
	raw, err := protocol.Dispense("conn")
	must(err)
	return raw.(*grpc.ClientConn)
}

func rssKiB(pid int) int {
	status, err := ioutil.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	must(err)
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kib, err := strconv.Atoi(strings.Fields(line)[1])
			must(err)
			return kib
		}
	}
	panic("no VmRSS")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(sorted []time.Duration, p float64) time.Duration {
	return sorted[int(float64(len(sorted)-1)*p)]
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func main() {
	path := flag.String("plugin", "", "plugin executable")
	name := flag.String("name", "bench.io/echo", "RestoreItemAction plugin name")
	itemFile := flag.String("item", "", "item JSON file")
	starts := flag.Int("starts", 20, "process starts to time")
	calls := flag.Int("calls", 1000, "Execute calls to time")
	flag.Parse()
	item, err := ioutil.ReadFile(*itemFile)
	must(err)
	restore := []byte(`{"metadata":{"name":"bench","namespace":"velero"},"spec":{"backupName":"nightly"}}`)
	r := result{Plugin: *path, Starts: *starts, Calls: *calls, ItemBytes: len(item)}

	var startTimes []time.Duration
	for i := 0; i < *starts; i++ {
		c := newClient(*path)
		t0 := time.Now()
		connect(c)
		startTimes = append(startTimes, time.Since(t0))
		c.Kill()
	}
	sort.Slice(startTimes, func(i, j int) bool { return startTimes[i] < startTimes[j] })
	r.StartMedianMs, r.StartMinMs = ms(percentile(startTimes, 0.5)), ms(startTimes[0])

	c := newClient(*path)
	conn := connect(c)
	ctx := context.Background()
	_, err = generated.NewPluginListerClient(conn).ListPlugins(ctx, &generated.Empty{})
	must(err)
	pid := c.ReattachConfig().Pid
	r.RssIdleKiB = rssKiB(pid)

	action := generated.NewRestoreItemActionClient(conn)
	request := &generated.RestoreItemActionExecuteRequest{Plugin: *name, Item: item, ItemFromBackup: item, Restore: restore}
	var callTimes []time.Duration
	for i := 0; i < *calls; i++ {
		t0 := time.Now()
		response, err := action.Execute(ctx, request)
		callTimes = append(callTimes, time.Since(t0))
		must(err)
		if len(response.Item) == 0 {
			must(fmt.Errorf("empty item returned"))
		}
	}
	r.RssAfterCallsKiB = rssKiB(pid)
	c.Kill()
	sort.Slice(callTimes, func(i, j int) bool { return callTimes[i] < callTimes[j] })
	r.CallMedianMs, r.CallP90Ms = ms(percentile(callTimes, 0.5)), ms(percentile(callTimes, 0.9))

	out, _ := json.Marshal(r)
	fmt.Println(string(out))
}
