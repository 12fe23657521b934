// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; timeout?: number };
  type Result = { requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number };
  export default function autocannon(options: Options): Promise<Result>;
}
