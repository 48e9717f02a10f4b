// velero-host launches a Velero plugin binary the way the Velero server does (go-plugin client,
// cookie VELERO_PLUGIN=hello, protocol 2, gRPC only, Velero's server flags as arguments), lists its
// plugins, calls every Velero service once, shuts it down, and prints a JSON report on stdout.
// Exit status 1 when any check failed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	generated "github.com/vmware-tanzu/velero/pkg/plugin/generated"
	biav2 "github.com/vmware-tanzu/velero/pkg/plugin/generated/backupitemaction/v2"
	ibav1 "github.com/vmware-tanzu/velero/pkg/plugin/generated/itemblockaction/v1"
	riav2 "github.com/vmware-tanzu/velero/pkg/plugin/generated/restoreitemaction/v2"
)

const missing = "interop.test/not-registered"

var (
	pod     = []byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"frontend","namespace":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}`)
	pv      = []byte(`{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{}}`)
	backup  = []byte(`{"metadata":{"name":"nightly","namespace":"velero"},"spec":{}}`)
	restore = []byte(`{"metadata":{"name":"again","namespace":"velero"},"spec":{"backupName":"nightly"}}`)
)

// connPlugin hands back the raw connection so every Velero service can be called on it.
type connPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (connPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error { return nil }

func (connPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, conn *grpc.ClientConn) (interface{}, error) {
	return conn, nil
}

type check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

type listed struct {
	Command string `json:"command"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
}

type report struct {
	Plugins          []listed `json:"plugins"`
	Checks           []check  `json:"checks"`
	ExitedGracefully bool     `json:"exitedGracefully"`
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func main() {
	pluginPath := flag.String("plugin", "", "plugin executable, launched with this exact path as argv[0]")
	flag.Parse()
	veleroArgs := flag.Args()

	hostLog := &lockedBuffer{}
	logger := hclog.New(&hclog.LoggerOptions{Name: "velero-host", Output: io.MultiWriter(os.Stderr, hostLog), Level: hclog.Trace})

	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  plugin.HandshakeConfig{ProtocolVersion: 2, MagicCookieKey: "VELERO_PLUGIN", MagicCookieValue: "hello"},
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Plugins:          map[string]plugin.Plugin{"conn": connPlugin{}},
		Cmd:              exec.Command(*pluginPath, veleroArgs...),
		Logger:           logger,
	})

	r := &report{Plugins: []listed{}, Checks: []check{}}
	add := func(name string, ok bool, detail string) {
		r.Checks = append(r.Checks, check{Name: name, OK: ok, Detail: detail})
	}

	protocol, err := client.Client()
	if err != nil {
		add("handshake", false, err.Error())
		finish(r)
	}
	add("handshake", true, "")
	raw, err := protocol.Dispense("conn")
	if err != nil {
		add("dispense", false, err.Error())
		client.Kill()
		finish(r)
	}
	conn := raw.(*grpc.ClientConn)
	ctx := context.Background()

	plugins, err := generated.NewPluginListerClient(conn).ListPlugins(ctx, &generated.Empty{})
	if err != nil {
		add("ListPlugins", false, err.Error())
	} else {
		add("ListPlugins", true, "")
		for _, p := range plugins.Plugins {
			r.Plugins = append(r.Plugins, listed{Command: p.Command, Kind: p.Kind, Name: p.Name})
		}
	}
	add("Ping (health service plugin)", protocol.Ping() == nil, "")

	callEveryServiceWithAnUnknownName(ctx, conn, add)
	exerciseRegisteredPlugins(ctx, conn, r.Plugins, add)

	add("still alive after every call", protocol.Ping() == nil && !client.Exited(), "")

	// Kill is what Velero calls: Shutdown, close, then up to 2 s for the process to exit before SIGKILL.
	client.Kill()
	r.ExitedGracefully = client.Exited() && !strings.Contains(hostLog.String(), "plugin failed to exit gracefully")
	add("exited gracefully after Shutdown", r.ExitedGracefully, "")
	add("plugin log lines parsed as JSON by the host", !strings.Contains(hostLog.String(), `"@level"`), "")
	finish(r)
}

func finish(r *report) {
	out, _ := json.MarshalIndent(r, "", "  ")
	fmt.Println(string(out))
	for _, c := range r.Checks {
		if !c.OK {
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// notFound checks for Velero's "not found" status: code Unknown and the Go plugins' message.
func notFound(kind string, add func(string, bool, string)) func(string, error) {
	return func(rpc string, err error) {
		name := fmt.Sprintf("%s/%s with an unknown name", kind, rpc)
		want := fmt.Sprintf("%s plugin: %s was not found or has an invalid name format", kind, missing)
		st, ok := status.FromError(err)
		switch {
		case err == nil:
			add(name, false, "no error")
		case !ok || st.Code() != codes.Unknown || st.Message() != want:
			add(name, false, err.Error())
		default:
			add(name, true, "")
		}
	}
}

func callEveryServiceWithAnUnknownName(ctx context.Context, conn *grpc.ClientConn, add func(string, bool, string)) {
	check := notFound("BackupItemAction", add)
	bia := generated.NewBackupItemActionClient(conn)
	_, err := bia.AppliesTo(ctx, &generated.BackupItemActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = bia.Execute(ctx, &generated.ExecuteRequest{Plugin: missing, Item: pod, Backup: backup})
	check("Execute", err)

	check = notFound("BackupItemActionV2", add)
	bia2 := biav2.NewBackupItemActionClient(conn)
	_, err = bia2.AppliesTo(ctx, &biav2.BackupItemActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = bia2.Execute(ctx, &biav2.ExecuteRequest{Plugin: missing, Item: pod, Backup: backup})
	check("Execute", err)
	_, err = bia2.Progress(ctx, &biav2.BackupItemActionProgressRequest{Plugin: missing, OperationID: "op", Backup: backup})
	check("Progress", err)
	_, err = bia2.Cancel(ctx, &biav2.BackupItemActionCancelRequest{Plugin: missing, OperationID: "op", Backup: backup})
	check("Cancel", err)

	check = notFound("RestoreItemAction", add)
	ria := generated.NewRestoreItemActionClient(conn)
	_, err = ria.AppliesTo(ctx, &generated.RestoreItemActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = ria.Execute(ctx, &generated.RestoreItemActionExecuteRequest{Plugin: missing, Item: pod, ItemFromBackup: pod, Restore: restore})
	check("Execute", err)

	check = notFound("RestoreItemActionV2", add)
	ria2 := riav2.NewRestoreItemActionClient(conn)
	_, err = ria2.AppliesTo(ctx, &riav2.RestoreItemActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = ria2.Execute(ctx, &riav2.RestoreItemActionExecuteRequest{Plugin: missing, Item: pod, ItemFromBackup: pod, Restore: restore})
	check("Execute", err)
	_, err = ria2.Progress(ctx, &riav2.RestoreItemActionProgressRequest{Plugin: missing, OperationID: "op", Restore: restore})
	check("Progress", err)
	_, err = ria2.Cancel(ctx, &riav2.RestoreItemActionCancelRequest{Plugin: missing, OperationID: "op", Restore: restore})
	check("Cancel", err)
	_, err = ria2.AreAdditionalItemsReady(ctx, &riav2.RestoreItemActionItemsReadyRequest{Plugin: missing, Restore: restore})
	check("AreAdditionalItemsReady", err)

	check = notFound("DeleteItemAction", add)
	dia := generated.NewDeleteItemActionClient(conn)
	_, err = dia.AppliesTo(ctx, &generated.DeleteItemActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = dia.Execute(ctx, &generated.DeleteItemActionExecuteRequest{Plugin: missing, Item: pod, Backup: backup})
	check("Execute", err)

	check = notFound("ItemBlockAction", add)
	iba := ibav1.NewItemBlockActionClient(conn)
	_, err = iba.AppliesTo(ctx, &ibav1.ItemBlockActionAppliesToRequest{Plugin: missing})
	check("AppliesTo", err)
	_, err = iba.GetRelatedItems(ctx, &ibav1.ItemBlockActionGetRelatedItemsRequest{Plugin: missing, Item: pod, Backup: backup})
	check("GetRelatedItems", err)

	check = notFound("ObjectStore", add)
	os := generated.NewObjectStoreClient(conn)
	_, err = os.Init(ctx, &generated.ObjectStoreInitRequest{Plugin: missing, Config: map[string]string{"bucket": "b"}})
	check("Init", err)
	check("PutObject", putObject(ctx, os, [][]byte{[]byte("hello"), []byte(" world")}))
	_, err = os.ObjectExists(ctx, &generated.ObjectExistsRequest{Plugin: missing, Bucket: "b", Key: "k"})
	check("ObjectExists", err)
	check("GetObject", getObject(ctx, os))
	_, err = os.ListCommonPrefixes(ctx, &generated.ListCommonPrefixesRequest{Plugin: missing, Bucket: "b", Delimiter: "/", Prefix: "p/"})
	check("ListCommonPrefixes", err)
	_, err = os.ListObjects(ctx, &generated.ListObjectsRequest{Plugin: missing, Bucket: "b", Prefix: "p/"})
	check("ListObjects", err)
	_, err = os.DeleteObject(ctx, &generated.DeleteObjectRequest{Plugin: missing, Bucket: "b", Key: "k"})
	check("DeleteObject", err)
	_, err = os.CreateSignedURL(ctx, &generated.CreateSignedURLRequest{Plugin: missing, Bucket: "b", Key: "k", Ttl: int64(10 * time.Minute)})
	check("CreateSignedURL", err)

	// A zero-length upload arrives as a stream without messages: an error, never a hang.
	err = putObject(ctx, os, nil)
	st, _ := status.FromError(err)
	add("ObjectStore/PutObject with an empty stream", err != nil && st.Code() == codes.Unknown, fmt.Sprint(err))

	check = notFound("VolumeSnapshotter", add)
	vs := generated.NewVolumeSnapshotterClient(conn)
	_, err = vs.Init(ctx, &generated.VolumeSnapshotterInitRequest{Plugin: missing})
	check("Init", err)
	_, err = vs.CreateVolumeFromSnapshot(ctx, &generated.CreateVolumeRequest{Plugin: missing, SnapshotID: "s"})
	check("CreateVolumeFromSnapshot", err)
	_, err = vs.GetVolumeInfo(ctx, &generated.GetVolumeInfoRequest{Plugin: missing, VolumeID: "v"})
	check("GetVolumeInfo", err)
	_, err = vs.CreateSnapshot(ctx, &generated.CreateSnapshotRequest{Plugin: missing, VolumeID: "v", Tags: map[string]string{"a": "b"}})
	check("CreateSnapshot", err)
	_, err = vs.DeleteSnapshot(ctx, &generated.DeleteSnapshotRequest{Plugin: missing, SnapshotID: "s"})
	check("DeleteSnapshot", err)
	_, err = vs.GetVolumeID(ctx, &generated.GetVolumeIDRequest{Plugin: missing, PersistentVolume: pv})
	check("GetVolumeID", err)
	_, err = vs.SetVolumeID(ctx, &generated.SetVolumeIDRequest{Plugin: missing, PersistentVolume: pv, VolumeID: "v"})
	check("SetVolumeID", err)
}

// putObject sends chunks as Velero does: plugin, bucket and key repeated in every message.
func putObject(ctx context.Context, os generated.ObjectStoreClient, chunks [][]byte) error {
	stream, err := os.PutObject(ctx)
	if err != nil {
		return err
	}
	for _, c := range chunks {
		if err := stream.Send(&generated.PutObjectRequest{Plugin: missing, Bucket: "b", Key: "k", Body: c}); err != nil {
			break // the real error arrives with CloseAndRecv
		}
	}
	_, err = stream.CloseAndRecv()
	return err
}

func getObject(ctx context.Context, os generated.ObjectStoreClient) error {
	stream, err := os.GetObject(ctx, &generated.GetObjectRequest{Plugin: missing, Bucket: "b", Key: "k"})
	if err != nil {
		return err
	}
	for {
		if _, err := stream.Recv(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// exerciseRegisteredPlugins calls what every real plugin must answer without outside services:
// AppliesTo, and Execute (or Init) whose outcome may be a result or an error status, never a crash.
func exerciseRegisteredPlugins(ctx context.Context, conn *grpc.ClientConn, plugins []listed, add func(string, bool, string)) {
	for _, p := range plugins {
		name := p.Kind + " " + p.Name
		var appliesTo, call error
		var item []byte
		switch p.Kind {
		case "BackupItemAction":
			c := generated.NewBackupItemActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &generated.BackupItemActionAppliesToRequest{Plugin: p.Name})
			var res *generated.ExecuteResponse
			if res, call = c.Execute(ctx, &generated.ExecuteRequest{Plugin: p.Name, Item: pod, Backup: backup}); call == nil {
				item = res.Item
			}
		case "BackupItemActionV2":
			c := biav2.NewBackupItemActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &biav2.BackupItemActionAppliesToRequest{Plugin: p.Name})
			var res *biav2.ExecuteResponse
			if res, call = c.Execute(ctx, &biav2.ExecuteRequest{Plugin: p.Name, Item: pod, Backup: backup}); call == nil {
				item = res.Item
			}
		case "RestoreItemAction":
			c := generated.NewRestoreItemActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &generated.RestoreItemActionAppliesToRequest{Plugin: p.Name})
			var res *generated.RestoreItemActionExecuteResponse
			if res, call = c.Execute(ctx, &generated.RestoreItemActionExecuteRequest{Plugin: p.Name, Item: pod, ItemFromBackup: pod, Restore: restore}); call == nil {
				item = res.Item
			}
		case "RestoreItemActionV2":
			c := riav2.NewRestoreItemActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &riav2.RestoreItemActionAppliesToRequest{Plugin: p.Name})
			var res *riav2.RestoreItemActionExecuteResponse
			if res, call = c.Execute(ctx, &riav2.RestoreItemActionExecuteRequest{Plugin: p.Name, Item: pod, ItemFromBackup: pod, Restore: restore}); call == nil {
				item = res.Item
			}
		case "DeleteItemAction":
			c := generated.NewDeleteItemActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &generated.DeleteItemActionAppliesToRequest{Plugin: p.Name})
			_, call = c.Execute(ctx, &generated.DeleteItemActionExecuteRequest{Plugin: p.Name, Item: pod, Backup: backup})
			item = pod
		case "ItemBlockAction":
			c := ibav1.NewItemBlockActionClient(conn)
			_, appliesTo = c.AppliesTo(ctx, &ibav1.ItemBlockActionAppliesToRequest{Plugin: p.Name})
			_, call = c.GetRelatedItems(ctx, &ibav1.ItemBlockActionGetRelatedItemsRequest{Plugin: p.Name, Item: pod, Backup: backup})
			item = pod
		case "ObjectStore":
			_, call = generated.NewObjectStoreClient(conn).Init(ctx, &generated.ObjectStoreInitRequest{Plugin: p.Name, Config: map[string]string{"bucket": "interop", "prefix": ""}})
			item = pod
		case "VolumeSnapshotter":
			_, call = generated.NewVolumeSnapshotterClient(conn).Init(ctx, &generated.VolumeSnapshotterInitRequest{Plugin: p.Name, Config: map[string]string{}})
			item = pod
		default:
			add(name, false, "unknown kind")
			continue
		}
		add(name+" AppliesTo", appliesTo == nil, fmt.Sprint(appliesTo))
		add(name+" call answered", answered(call, item), fmt.Sprint(call))
	}
}

// answered: a successful call returned an item with kind, or the call failed with a real status and message.
func answered(err error, item []byte) bool {
	if err != nil {
		st, ok := status.FromError(err)
		return ok && st.Code() != codes.Unavailable && st.Code() != codes.Internal && st.Message() != ""
	}
	var decoded map[string]interface{}
	return json.Unmarshal(item, &decoded) == nil && decoded["kind"] != nil && decoded["kind"] != ""
}
