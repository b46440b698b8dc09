// End-to-end tests of the tickerdedup binary as a child process: streaming
// with bounded memory, prompt answers on an open pipe, broken pipes, exit
// codes. Byte-exact output formats are pinned by the golden tests
// (tests/golden); these cover what a golden file cannot: time, memory and
// pipes. The child's peak RSS comes from wait4().
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

extern char** environ;

namespace {

constexpr long kMaxRssKib = 64 * 1024;  // The 64 MiB bound of the issue.

// Writes all of `data`; false when the reader went away (EPIPE).
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The CLI with its three standard streams on pipes held by the test.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    // A child that exits early must not kill the test through a write.
    std::signal(SIGPIPE, SIG_IGN);
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 ||
        pipe2(err, O_CLOEXEC) != 0) {
      ADD_FAILURE() << "pipe2: " << std::strerror(errno);
      return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // dup2 clears O_CLOEXEC on the target, so only 0, 1, 2 survive exec.
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    std::vector<std::string> argv_strings = {TICKERDEDUP_CLI};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, TICKERDEDUP_CLI, &actions, nullptr, argv.data(),
                         environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    stdin_fd_ = in[1];
    stdout_fd_ = out[0];
    stderr_fd_ = err[0];
    if (rc != 0) {
      ADD_FAILURE() << "posix_spawn " << TICKERDEDUP_CLI << ": "
                    << std::strerror(rc);
      pid_ = -1;
    }
  }

  ~Child() {
    CloseStdin();
    CloseStdout();
    if (stderr_fd_ >= 0) close(stderr_fd_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  int stdin_fd() const { return stdin_fd_; }
  int stdout_fd() const { return stdout_fd_; }

  void CloseStdin() {
    if (stdin_fd_ >= 0) close(stdin_fd_);
    stdin_fd_ = -1;
  }
  void CloseStdout() {
    if (stdout_fd_ >= 0) close(stdout_fd_);
    stdout_fd_ = -1;
  }

  // Reads stdout (handing each chunk to `on_stdout`, or keeping it) and
  // stderr until both end. Reading both at once keeps the child from
  // blocking on a full stderr pipe.
  void Drain(const std::function<void(std::string_view)>& on_stdout = {}) {
    char buffer[1 << 16];
    while (stdout_fd_ >= 0 || stderr_fd_ >= 0) {
      pollfd fds[2] = {{stdout_fd_, POLLIN, 0}, {stderr_fd_, POLLIN, 0}};
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        ADD_FAILURE() << "poll: " << std::strerror(errno);
        return;
      }
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || fds[i].revents == 0) continue;
        ssize_t n = read(fds[i].fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          close(fds[i].fd);
          (i == 0 ? stdout_fd_ : stderr_fd_) = -1;
          continue;
        }
        std::string_view chunk(buffer, static_cast<std::size_t>(n));
        if (i == 1) {
          err_.append(chunk);
        } else if (on_stdout) {
          on_stdout(chunk);
        } else {
          out_.append(chunk);
        }
      }
    }
  }

  // Waits for the exit; returns the exit status, or 128 + the signal.
  int Wait() {
    int status = 0;
    if (wait4(pid_, &status, 0, &usage_) != pid_) {
      ADD_FAILURE() << "wait4: " << std::strerror(errno);
      return -1;
    }
    pid_ = -1;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
  }

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }
  long max_rss_kib() const { return usage_.ru_maxrss; }

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1, stdout_fd_ = -1, stderr_fd_ = -1;
  std::string out_, err_;
  rusage usage_{};
};

struct RunResult {
  int rc;
  std::string out, err;
};

// Runs the CLI on `input` (written from another thread, so a large input
// cannot deadlock against a full output pipe).
RunResult RunCli(const std::vector<std::string>& args, std::string_view input) {
  Child child(args);
  std::thread writer([&] {
    WriteAll(child.stdin_fd(), input);
    child.CloseStdin();
  });
  child.Drain();
  writer.join();
  int rc = child.Wait();
  return {rc, child.out(), child.err()};
}

std::string TempPath(std::string_view name) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = dir && *dir ? dir : "/tmp";
  path += "/tickerdedup_cli_test_" + std::to_string(getpid()) + "_";
  path += name;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

// ------------------------------------------------------------ memory

// 100 MB without one separator: the splitter must hand it out in pieces of
// at most --max-segment bytes as it arrives, never holding it whole.
TEST(CliTest, HugeLineWithoutSeparatorsStreamsThroughInBoundedMemory) {
  // ASCII plus a 2-byte character, so pieces must also respect UTF-8
  // boundaries. Period 38 does not divide 4096: cuts land everywhere.
  const std::string period = "abcdefghijklmnopqrstuvwxyz0123456789\xC3\xA9";
  constexpr std::size_t kTotal = 100'000'000 / 38 * 38;
  constexpr std::size_t kMaxPiece = 4096;

  Child child({"--match", "exact"});
  std::thread writer([&] {
    std::string block;
    while (block.size() < (1 << 20)) block += period;  // whole periods
    std::size_t sent = 0;
    while (sent < kTotal) {
      std::size_t n = std::min(block.size(), kTotal - sent);
      if (!WriteAll(child.stdin_fd(), std::string_view(block).substr(0, n))) {
        break;
      }
      sent += n;
    }
    child.CloseStdin();
  });

  std::size_t position = 0, piece = 0, pieces = 0, mismatches = 0;
  std::size_t longest = 0, split_characters = 0;
  unsigned char previous = '\n';
  child.Drain([&](std::string_view chunk) {
    for (char c : chunk) {
      auto byte = static_cast<unsigned char>(c);
      if (byte == '\n') {
        if (previous == 0xC3) ++split_characters;  // piece ends mid-é
        longest = std::max(longest, piece);
        ++pieces;
        piece = 0;
      } else {
        if (previous == '\n' && byte == 0xA9) ++split_characters;
        if (byte != static_cast<unsigned char>(period[position % 38])) {
          ++mismatches;
        }
        ++position;
        ++piece;
      }
      previous = byte;
    }
  });
  writer.join();
  EXPECT_EQ(child.Wait(), 0) << child.err();
  EXPECT_EQ(child.err(), "");
  EXPECT_EQ(position, kTotal) << "every input byte comes out, once";
  EXPECT_EQ(mismatches, 0u) << "in order and unchanged";
  EXPECT_EQ(previous, '\n');
  EXPECT_LE(longest, kMaxPiece);
  EXPECT_GE(pieces, kTotal / kMaxPiece);
  EXPECT_EQ(split_characters, 0u) << "pieces end at character boundaries";
  EXPECT_LT(child.max_rss_kib(), kMaxRssKib);
}

TEST(CliTest, OverlongJsonlRecordIsRejectedAndTheRunGoesOn) {
  const std::string before = R"({"title":"Before the long one"})";
  const std::string after = R"({"title":"After the long one"})";
  const std::string long_record =
      R"({"title":")" + std::string(2 << 20, 'x') + R"("})";
  const std::string rejects = TempPath("rejects.jsonl");
  RunResult result =
      RunCli({"--input", "jsonl", "--match", "exact", "--rejects", rejects},
             before + "\n" + long_record + "\r\n" + after + "\n");
  EXPECT_EQ(result.rc, 1);
  EXPECT_EQ(result.out, before + "\n" + after + "\n");
  EXPECT_EQ(result.err,
            "tickerdedup: <stdin>:2: record longer than 1048576 bytes "
            "(--max-record)\n");
  // The raw line, streamed to the rejects file without its CRLF.
  EXPECT_TRUE(ReadFile(rejects) == long_record + "\n");
  std::remove(rejects.c_str());
}

// The over-long line is skipped as it streams by: 200 MB of it cost no
// more memory than a short one.
TEST(CliTest, OverlongJsonlRecordNeverSitsInMemory) {
  constexpr std::size_t kLineBytes = 200 << 20;
  Child child({"--input", "jsonl", "--match", "exact"});
  std::thread writer([&] {
    std::string block(1 << 20, 'y');
    WriteAll(child.stdin_fd(), R"({"title":")");
    for (std::size_t sent = 0; sent < kLineBytes; sent += block.size()) {
      if (!WriteAll(child.stdin_fd(), block)) break;
    }
    WriteAll(child.stdin_fd(), "\"}\n{\"title\":\"next\"}\n");
    child.CloseStdin();
  });
  child.Drain();
  writer.join();
  EXPECT_EQ(child.Wait(), 1);
  EXPECT_EQ(child.out(), "{\"title\":\"next\"}\n");
  EXPECT_NE(child.err().find("<stdin>:1: record longer than"),
            std::string::npos)
      << child.err();
  EXPECT_LT(child.max_rss_kib(), kMaxRssKib);
}

// ------------------------------------------------------------ pipes

// `tail -f feed | tickerdedup`: each line is answered while the input stays
// open, without waiting for 64 KiB of output or the end of the input.
void ExpectAnswersWhileInputStaysOpen(const std::vector<std::string>& args,
                                      const std::vector<std::string>& lines,
                                      const std::vector<std::string>& answers) {
  Child child(args);
  std::string pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ASSERT_TRUE(WriteAll(child.stdin_fd(), lines[i] + "\n"));
    if (answers[i].empty()) continue;  // a duplicate: nothing to wait for
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (pending.find('\n') == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      ASSERT_GT(left.count(), 0) << "no answer to line " << i
                                 << " within 5 s; got '" << pending << "'";
      pollfd p{child.stdout_fd(), POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[4096];
      ssize_t n = read(child.stdout_fd(), buffer, sizeof(buffer));
      ASSERT_GT(n, 0) << "the CLI closed its output early";
      pending.append(buffer, static_cast<std::size_t>(n));
    }
    std::size_t end = pending.find('\n');
    EXPECT_EQ(pending.substr(0, end), answers[i]);
    pending.erase(0, end + 1);
  }
  child.CloseStdin();
  child.Drain();
  EXPECT_EQ(child.Wait(), 0) << child.err();
  EXPECT_EQ(pending + child.out(), "");
}

TEST(CliTest, AnswersTextLinesWhileTheInputStaysOpen) {
  ExpectAnswersWhileInputStaysOpen(
      {"--match", "exact"},
      {"Alpha one", "Beta two", "Alpha one", "Gamma three"},
      {"Alpha one", "Beta two", "", "Gamma three"});
}

TEST(CliTest, AnswersJsonlRecordsWhileTheInputStaysOpen) {
  ExpectAnswersWhileInputStaysOpen(
      {"--input", "jsonl", "--match", "exact"},
      {R"({"title":"Alpha one"})", R"({"title":"Alpha one","n":2})",
       R"({"title":"Beta two"})"},
      {R"({"title":"Alpha one"})", "", R"({"title":"Beta two"})"});
}

// `tickerdedup big.txt | head`: the reader leaves, we stop quietly with 0.
TEST(CliTest, ClosedOutputPipeIsACleanExit) {
  const std::string input = TempPath("many.txt");
  {
    std::ofstream out(input, std::ios::binary);
    // ~6 MB of distinct lines: far more than the pipe and our buffer hold.
    for (int i = 0; i < 300'000; ++i) out << "Headline number " << i << "\n";
  }
  Child child({"--match", "exact", input});
  child.CloseStdin();
  char buffer[100];
  ASSERT_GT(read(child.stdout_fd(), buffer, sizeof(buffer)), 0);
  child.CloseStdout();
  child.Drain();
  EXPECT_EQ(child.Wait(), 0) << "128+13 would be death by SIGPIPE";
  EXPECT_EQ(child.err(), "");
  std::remove(input.c_str());
}

// ------------------------------------------------------------ exit codes

TEST(CliTest, ExitZeroWhenEverythingIsAccepted) {
  RunResult text = RunCli({"--match", "exact"}, "Alpha one\nAlpha one\n");
  EXPECT_EQ(text.rc, 0);
  EXPECT_EQ(text.out, "Alpha one\n");
  RunResult jsonl = RunCli({"--input", "jsonl", "--match", "exact"},
                           "{\"title\":\"a\"}\n\n{\"title\":\"b\"}\n");
  EXPECT_EQ(jsonl.rc, 0) << jsonl.err;
  EXPECT_EQ(jsonl.err, "");
}

TEST(CliTest, ExitOneWhenSomeRecordsAreRejected) {
  RunResult result =
      RunCli({"--input", "jsonl", "--match", "exact"},
             "{\"title\":\"a\"}\n{\"title\":\n{\"title\":\"b\"}\n");
  EXPECT_EQ(result.rc, 1);
  EXPECT_EQ(result.out, "{\"title\":\"a\"}\n{\"title\":\"b\"}\n");
  EXPECT_EQ(result.err.rfind("tickerdedup: <stdin>:2: invalid JSON", 0), 0u)
      << result.err;
}

TEST(CliTest, ExitTwoOnUsageErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"--no-such-flag"},
           {"--match", "fuzzy"},
           {"--threshold", "abc"},
           {"--window", "0"},
           {"--window-time", "2 days"},
           {"--input", "xml"},
           {"--rejects", "r.jsonl"},  // jsonl only
           {"--input", "jsonl", "--separator", "|"},
       }) {
    RunResult result = RunCli(args, "");
    EXPECT_EQ(result.rc, 2) << args[0];
    EXPECT_EQ(result.out, "") << args[0];
    EXPECT_NE(result.err.find("Try 'tickerdedup --help'"), std::string::npos)
        << args[0] << ": " << result.err;
  }
}

TEST(CliTest, ExitTwoOnUnreadableInputAfterReadingTheRest) {
  const std::string missing = TempPath("does-not-exist.txt");
  RunResult result = RunCli({"--match", "exact", missing, "-"}, "From stdin\n");
  EXPECT_EQ(result.rc, 2);
  EXPECT_EQ(result.out, "From stdin\n");
  EXPECT_EQ(result.err,
            "tickerdedup: " + missing + ": No such file or directory\n");
}

TEST(CliTest, HelpAndVersionExitZero) {
  RunResult help = RunCli({"--help"}, "");
  EXPECT_EQ(help.rc, 0);
  for (std::string_view flag :
       {"--input",     "--split",      "--separator",   "--max-segment",
        "--field",     "--time-field", "--window-time", "--max-record",
        "--rejects",   "--emit",       "--match",       "--window",
        "--threshold", "--hashes",     "--lexicon",     "--line-buffered",
        "--stats",     "--progress",   "--help",        "--version"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  RunResult version = RunCli({"--version"}, "");
  EXPECT_EQ(version.rc, 0);
  EXPECT_EQ(version.out.rfind("tickerdedup ", 0), 0u);
}

// --stats reports on stderr and leaves stdout alone.
TEST(CliTest, StatsGoToStderr) {
  RunResult result =
      RunCli({"--match", "exact", "--stats"}, "Alpha one\nAlpha one\nBeta\n");
  EXPECT_EQ(result.rc, 0);
  EXPECT_EQ(result.out, "Alpha one\nBeta\n");
  EXPECT_NE(result.err.find("items 3: new 2, exact 1"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("peak RSS"), std::string::npos);
}

// A regular file lets the CLI size the index for the items it holds
// (EngineOptions::expected_items); a pipe does not. The decisions are the
// same: 30,000 lines, a third of them repeats, through both.
TEST(CliTest, SizingFromAFileChangesNoDecision) {
  std::string input;
  for (int i = 0; i < 30000; ++i) {
    const int n = i % 3 == 2 ? i / 7 : i;  // every third line repeats
    input += "Headline number " + std::to_string(n) + " about topic " +
             std::to_string(n % 97) + "\n";
  }
  const std::string path = TempPath("sizing.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << input;
  }
  for (const char* match : {"exact", "near"}) {
    SCOPED_TRACE(match);
    const std::vector<std::string> args = {"--match",  match,     "--emit",
                                           "annotate", "--split", "lines"};
    RunResult piped = RunCli(args, input);
    std::vector<std::string> with_file = args;
    with_file.push_back(path);
    RunResult from_file = RunCli(with_file, "");
    EXPECT_EQ(piped.rc, 0);
    EXPECT_EQ(from_file.rc, 0);
    EXPECT_EQ(std::count(piped.out.begin(), piped.out.end(), '\n'), 30000);
    EXPECT_NE(piped.out.find("\"verdict\":\"exact\""), std::string::npos);
    EXPECT_TRUE(piped.out == from_file.out);
  }
  std::remove(path.c_str());
}

}  // namespace
