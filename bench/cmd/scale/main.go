// Command scale measures tarogen at scale on loopback, as a program rather
// than a timed test, and prints a report:
//
//   - open: -tasks tasks (1,000) of the generated package opened at once:
//     the time until every one has had onOpen, and that each had it exactly
//     once;
//   - idle memory: HeapInuse+StackInuse after GC, before and with the tasks
//     open (per task), and after they all closed;
//   - echo: -echo-tasks tasks (100) each echoing serially for
//     -echo-duration (10s): messages, lost or reordered ones (must be 0),
//     round-trip percentiles;
//   - generator: parse+merge+generate on 25 to 400 pages (the real fixtures
//     and renamed copies), pages/second and ns/page, to see that time grows
//     linearly.
//
// The echo server (bench/internal/echoserver) runs in a child process, this
// same binary with -serve, so that the memory figures are the client's
// alone. Run it from the bench directory:
//
//	go run ./cmd/scale
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/tarogen/tarogen/bench/internal/echoserver"
	"github.com/tarogen/tarogen/bench/internal/genpages"
	"github.com/tarogen/tarogen/generated/sockettask"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

type options struct {
	serve        bool
	tasks        int
	echoTasks    int
	echoDuration time.Duration
	pages        string
	fixtures     string
	memprofile   string
}

func run(args []string, stdout, stderr io.Writer) error {
	var opt options
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&opt.serve, "serve", false, "run the echo server (the child process) and print its URL")
	fs.IntVar(&opt.tasks, "tasks", 1000, "tasks opened at once")
	fs.IntVar(&opt.echoTasks, "echo-tasks", 100, "tasks in the echo run")
	fs.DurationVar(&opt.echoDuration, "echo-duration", 10*time.Second, "length of the echo run")
	fs.StringVar(&opt.pages, "pages", "25,50,100,200,400", "page counts for the generator run; empty skips it")
	fs.StringVar(&opt.fixtures, "fixtures", genpages.Fixtures, "the main module's testdata/pages")
	fs.StringVar(&opt.memprofile, "memprofile", "", "write a heap profile while the -tasks tasks are open")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if opt.memprofile != "" {
		goruntime.MemProfileRate = 1 // every allocation, so that per-task figures are exact
	}
	limit, err := raiseNoFile()
	if err != nil {
		return err
	}
	if opt.serve {
		return serve(stdout)
	}

	fmt.Fprintf(stdout, "go %s, %s/%s, %d CPUs, GOMAXPROCS %d, RLIMIT_NOFILE %d\n\n",
		goruntime.Version(), goruntime.GOOS, goruntime.GOARCH, goruntime.NumCPU(), goruntime.GOMAXPROCS(0), limit)
	url, stop, err := startChild()
	if err != nil {
		return err
	}
	defer stop()

	if opt.tasks > 0 {
		// Twice: the Go runtime keeps what the first round created once
		// (goroutine descriptors are never freed, only reused; stack and
		// span caches), so the second round shows whether closed tasks
		// leave anything behind.
		for round := 1; round <= 2; round++ {
			fmt.Fprintf(stdout, "round %d\n", round)
			if err := openMany(stdout, url, opt.tasks, opt.memprofile); err != nil {
				return err
			}
		}
	}
	if opt.echoTasks > 0 {
		if err := echoMany(stdout, url, opt.echoTasks, opt.echoDuration); err != nil {
			return err
		}
	}
	if opt.pages != "" {
		if err := generateMany(stdout, opt.fixtures, opt.pages); err != nil {
			return err
		}
	}
	return nil
}

// raiseNoFile raises the soft RLIMIT_NOFILE to the hard limit: 1,000 tasks
// are 1,000 descriptors here and 1,000 in the server. (Go does this at
// startup since 1.19; this keeps it explicit, and reports the limit.)
func raiseNoFile() (uint64, error) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 0, err
	}
	if rl.Cur < rl.Max {
		rl.Cur = rl.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
			return 0, err
		}
	}
	return rl.Cur, nil
}

// serve is the child: it prints the URL and serves until stdin closes.
func serve(stdout io.Writer) error {
	srv, err := echoserver.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, srv.URL)
	io.Copy(io.Discard, os.Stdin)
	srv.Close()
	return nil
}

func startChild() (url string, stop func(), err error) {
	exe, err := os.Executable()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(exe, "-serve")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return "", nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return "", nil, fmt.Errorf("echo server: %v", err)
	}
	return strings.TrimSpace(line), func() { stdin.Close(); cmd.Wait() }, nil
}

// memInUse is HeapInuse+StackInuse after two GCs (the second frees what
// the first's finalizers released).
func memInUse() uint64 {
	heap, stack := memStats()
	return heap + stack
}

func memStats() (heap, stack uint64) {
	goruntime.GC()
	goruntime.GC()
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	return ms.HeapInuse, ms.StackInuse
}

type counted struct {
	task   *sockettask.SocketTask
	opens  atomic.Int32
	closes atomic.Int32
	errs   atomic.Int32
}

func openMany(stdout io.Writer, url string, n int, memprofile string) error {
	// Warm up: the first connection pays for one-time allocations
	// (net/http's proxy settings, TLS-less dialer state...), not per task.
	if err := openClose(url); err != nil {
		return err
	}
	baseHeap, baseStack := memStats()
	baseMem, baseG := baseHeap+baseStack, goruntime.NumGoroutine()

	var opened, closed sync.WaitGroup
	tasks := make([]*counted, n)
	opened.Add(n)
	closed.Add(n)
	start := time.Now()
	for i := range tasks {
		c := &counted{}
		tasks[i] = c
		task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
		if err != nil {
			return err
		}
		c.task = task
		task.OnOpen(func(sockettask.OnOpenCallbackResult) {
			if c.opens.Add(1) == 1 {
				opened.Done()
			}
		})
		task.OnError(func(r sockettask.OnErrorCallbackResult) {
			if c.errs.Add(1) == 1 {
				fmt.Fprintf(stdout, "task %d: onError %s\n", i, r.ErrMsg)
			}
		})
		task.OnClose(func(sockettask.OnCloseCallbackResult) {
			if c.closes.Add(1) == 1 {
				closed.Done()
				if c.opens.Load() == 0 {
					opened.Done() // failed to open: do not wait for it
				}
			}
		})
	}
	opened.Wait()
	openTime := time.Since(start)
	openHeap, openStack := memStats()
	openMem, openG := openHeap+openStack, goruntime.NumGoroutine()
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err != nil {
			return err
		}
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}

	once, failed := 0, 0
	for _, c := range tasks {
		switch {
		case c.opens.Load() == 1 && c.task.ReadyState() == sockettask.Open:
			once++
		case c.opens.Load() == 0:
			failed++
		}
	}
	fmt.Fprintf(stdout, "open: %d tasks opened at once in %v (%.0f/s); onOpen exactly once: %d, never: %d\n",
		n, openTime.Round(time.Millisecond), float64(n)/openTime.Seconds(), once, failed)
	perTask := func(after, before uint64) float64 { return float64(int64(after)-int64(before)) / float64(n) / 1024 }
	fmt.Fprintf(stdout, "idle: %d KiB before, %d KiB open: %.1f KiB per task (heap %.1f, stacks %.1f); %.2f goroutines per task\n",
		baseMem>>10, openMem>>10, perTask(openMem, baseMem), perTask(openHeap, baseHeap), perTask(openStack, baseStack), float64(openG-baseG)/float64(n))

	for _, c := range tasks {
		c.task.Close(sockettask.CloseOption{})
	}
	closed.Wait()
	for _, c := range tasks {
		if got := c.closes.Load(); got != 1 {
			return fmt.Errorf("a task had onClose %d times", got)
		}
	}
	heldMem := memInUse()
	tasks = nil
	dropHeap, dropStack := memStats()
	fmt.Fprintf(stdout, "closed: %d KiB with the closed tasks still referenced (%.1f KiB per task); once dropped heap %d KiB (baseline %d), stacks %d KiB (baseline %d); goroutines %d (baseline %d)\n\n",
		heldMem>>10, perTask(heldMem, baseMem), dropHeap>>10, baseHeap>>10, dropStack>>10, baseStack>>10, goruntime.NumGoroutine(), baseG)
	return nil
}

func openClose(url string) error {
	task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
	if err != nil {
		return err
	}
	opened, closed := make(chan struct{}), make(chan struct{})
	task.OnOpen(func(sockettask.OnOpenCallbackResult) { close(opened) })
	task.OnClose(func(sockettask.OnCloseCallbackResult) { close(closed) })
	select {
	case <-opened:
	case <-closed:
		return errors.New("warm-up task closed before it opened")
	}
	task.Close(sockettask.CloseOption{})
	<-closed
	return nil
}

// echoer is one task of the echo run: it sends sequence numbers one at a
// time, each carrying its send time, and checks every reply is the next.
type echoer struct {
	task      *sockettask.SocketTask
	next      uint64 // next sequence number to send; onMessage's alone
	received  uint64
	reordered uint64
	rtts      []time.Duration
	done      chan struct{}
}

func echoMany(stdout io.Writer, url string, n int, d time.Duration) error {
	var stopping atomic.Bool
	epoch := time.Now()
	echoers := make([]*echoer, n)
	for i := range echoers {
		e := &echoer{done: make(chan struct{}), rtts: make([]time.Duration, 0, 1<<14)}
		echoers[i] = e
		task, err := sockettask.ConnectSocket(sockettask.ConnectSocketOption{URL: url})
		if err != nil {
			return err
		}
		e.task = task
		msg := make([]byte, 16)
		sendNext := func() {
			binary.BigEndian.PutUint64(msg, e.next)
			binary.BigEndian.PutUint64(msg[8:], uint64(time.Since(epoch)))
			e.next++
			if err := task.Send(sockettask.SendOption{Data: sockettask.Binary(msg)}); err != nil {
				fmt.Fprintf(stdout, "echo task %d: %v\n", i, err)
			}
		}
		task.OnOpen(func(sockettask.OnOpenCallbackResult) { sendNext() })
		task.OnMessage(func(r sockettask.OnMessageCallbackResult) {
			b, _ := r.Data.(sockettask.Binary)
			if len(b) != 16 {
				e.reordered++
				return
			}
			if seq := binary.BigEndian.Uint64(b); seq != e.received {
				e.reordered++
			}
			e.received++
			e.rtts = append(e.rtts, time.Since(epoch)-time.Duration(binary.BigEndian.Uint64(b[8:])))
			if stopping.Load() {
				close(e.done)
				return
			}
			sendNext()
		})
		task.OnError(func(r sockettask.OnErrorCallbackResult) {
			fmt.Fprintf(stdout, "echo task %d: onError %s\n", i, r.ErrMsg)
		})
	}
	time.Sleep(d)
	stopping.Store(true)
	timeout := time.After(30 * time.Second)
	for i, e := range echoers {
		select {
		case <-e.done:
		case <-timeout:
			return fmt.Errorf("echo task %d: no last reply within 30s", i)
		}
	}
	elapsed := time.Since(epoch)

	var all []time.Duration
	var sent, received, reordered uint64
	for _, e := range echoers {
		sent += e.next
		received += e.received
		reordered += e.reordered
		all = append(all, e.rtts...)
		closed := make(chan struct{})
		e.task.OnClose(func(sockettask.OnCloseCallbackResult) { close(closed) })
		e.task.Close(sockettask.CloseOption{})
		<-closed
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	fmt.Fprintf(stdout, "echo: %d tasks for %v: %d sent, %d received, %d lost, %d reordered; %.0f round trips/s\n",
		n, d, sent, received, sent-received, reordered, float64(received)/elapsed.Seconds())
	fmt.Fprintf(stdout, "echo round trip: p50 %v, p90 %v, p99 %v, max %v\n\n",
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond))
	return nil
}

func generateMany(stdout io.Writer, fixtures, counts string) error {
	dir, err := os.MkdirTemp("", "tarogen-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintf(stdout, "generator (parse+merge+generate, best of 3):\n%8s %12s %12s %10s %10s\n", "pages", "time", "ns/page", "pages/s", "out KiB")
	for i, field := range strings.Split(counts, ",") {
		var n int
		if _, err := fmt.Sscan(field, &n); err != nil {
			return fmt.Errorf("-pages: %v", err)
		}
		sub := filepath.Join(dir, fmt.Sprint(i))
		if err := os.Mkdir(sub, 0o755); err != nil {
			return err
		}
		paths, err := genpages.Write(fixtures, sub, n)
		if err != nil {
			return err
		}
		best := time.Duration(1<<63 - 1)
		var size int
		for range 3 {
			start := time.Now()
			_, bytes, err := genpages.Generate(paths)
			if err != nil {
				return err
			}
			best = min(best, time.Since(start))
			size = bytes
		}
		fmt.Fprintf(stdout, "%8d %12v %12d %10.0f %10d\n", n, best.Round(time.Millisecond), best.Nanoseconds()/int64(n), float64(n)/best.Seconds(), size>>10)
	}
	return nil
}
