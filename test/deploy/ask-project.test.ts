/**
 * The ask-cli v2 project, checked offline: the CLI runs, ask-resources.json points at what exists,
 * the CloudFormation template gives the function only what it needs, and ask-cli's own build step
 * (its CodeBuilder, which picks hooks/build.sh) produces a zip that works as a Lambda.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { BUILD } from '../../scripts/build-output';
import { intentRequest, launchRequest } from '../../simulator/envelope';
import { toTurn } from '../support/conversation';
import { model } from '../support/model';

const ROOT = path.join(__dirname, '../..');
const run = promisify(execFile);

interface Resources {
  profiles: Record<
    string,
    {
      skillMetadata: { src: string };
      code: Record<string, { src: string }>;
      skillInfrastructure: {
        type: string;
        userConfig: { runtime: string; handler: string; templatePath: string; awsRegion: string };
      };
    }
  >;
}
type Json = Record<string, unknown>;
const resources = JSON.parse(readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8')) as Resources;
const profile = resources.profiles.default;
const template = JSON.parse(
  readFileSync(path.join(ROOT, profile.skillInfrastructure.userConfig.templatePath), 'utf8'),
) as { Parameters: Json; Resources: Record<string, { Type: string; Properties: Json }>; Outputs: Json };

/** Every { Ref } and { Fn::GetAtt } in a JSON value. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.push(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner)) found.push(String(inner[0]));
      else references(inner, found);
    }
  }
  return found;
}

describe('ask-cli', () => {
  it('runs: npx ask --version', async () => {
    const { stdout } = await run('npx', ['ask', '--version'], { cwd: ROOT });
    expect(stdout.trim()).toMatch(/^2\.\d+\.\d+$/);
  });
});

describe('ask-resources.json', () => {
  it('deploys skill-package/ and the code in lambda/ with the CloudFormation deployer on Node 22+', () => {
    expect(existsSync(path.join(ROOT, profile.skillMetadata.src, 'skill.json'))).toBe(true);
    expect(statSync(path.join(ROOT, profile.code.default.src)).isDirectory()).toBe(true);
    const { type, userConfig } = profile.skillInfrastructure;
    expect(type).toBe('@ask-cli/cfn-deployer');
    expect(Number(/^nodejs(\d+)\.x$/.exec(userConfig.runtime)?.[1])).toBeGreaterThanOrEqual(22);
    expect(userConfig.handler).toBe('index.handler');
  });
});

describe('infrastructure/cfn-deployer template', () => {
  const byType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

  it('takes the parameters ask-cli passes and gives back the endpoint it reads', () => {
    for (const name of ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'])
      expect(template.Parameters).toHaveProperty(name);
    expect(template.Outputs).toHaveProperty('SkillEndpoint');
  });

  it('refers only to things it defines', () => {
    const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
    expect(references(template).filter((name) => !known.has(name) && !name.startsWith('AWS::'))).toEqual([]);
  });

  it('creates an on-demand table keyed by "id", passed to the function as DYNAMODB_TABLE', () => {
    const [[tableName, table]] = byType('AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    });
    const [[, fn]] = byType('AWS::Lambda::Function');
    expect(fn.Properties).toMatchObject({
      Runtime: { Ref: 'LambdaRuntime' },
      Handler: { Ref: 'LambdaHandler' },
      Environment: { Variables: { DYNAMODB_TABLE: { Ref: tableName }, SKILL_ID: { Ref: 'SkillId' } } },
    });
  });

  it('gives the function a role that may only use that table and its own log group', () => {
    const [[tableName]] = byType('AWS::DynamoDB::Table');
    const [[logGroupName]] = byType('AWS::Logs::LogGroup');
    const [[, role]] = byType('AWS::IAM::Role');
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const statements = (role.Properties.Policies as { PolicyDocument: { Statement: Json[] } }[]).flatMap(
      (p) => p.PolicyDocument.Statement,
    );
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const actions = statement.Action as string[];
      expect(actions.every((a) => !a.includes('*'))).toBe(true);
      const resource = statement.Resource;
      expect(JSON.stringify(resource)).not.toContain('*');
      const target = references(resource)[0];
      if (actions.some((a) => a.startsWith('dynamodb:'))) {
        expect(target).toBe(tableName);
        expect([...actions].sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
      } else {
        expect(target).toBe(logGroupName);
        expect(actions.every((a) => a.startsWith('logs:'))).toBe(true);
      }
    }
  });

  it('lets only this skill (Alexa Skills Kit, bound to the skill id) invoke the function', () => {
    const permissions = byType('AWS::Lambda::Permission');
    expect(permissions).toHaveLength(1);
    expect(permissions[0][1].Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });
});

describe("ask deploy's build step (ask-cli CodeBuilder with hooks/build.sh)", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'ppg-ask-build-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds the TypeScript and zips a bundle that answers as a Lambda', async () => {
    // ask-cli looks for hooks/build.sh in the current directory: the project root, as for `ask deploy`.
    expect(process.cwd()).toBe(path.resolve(ROOT));
    type CodeBuilderClass = new (config: {
      src: string;
      build: { folder: string; file: string };
      doDebug: boolean;
    }) => { BuildFlowClass: { name: string }; execute(cb: (error?: Error | null) => void): void };
    const codeBuilderModule = 'ask-cli/dist/lib/controllers/skill-code-controller/code-builder';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CodeBuilder = require(codeBuilderModule) as CodeBuilderClass;
    const build = {
      folder: path.join(work, '.ask', 'lambda'),
      file: path.join(work, '.ask', 'lambda', 'build.zip'),
    };
    const builder = new CodeBuilder({ src: profile.code.default.src, build, doDebug: false });
    expect(builder.BuildFlowClass.name).toBe('CustomBuildFlow');
    await new Promise<void>((resolve, reject) =>
      builder.execute((error) => (error ? reject(error) : resolve())),
    );

    // Read and extract the zip with the library ask-cli itself uses for builds.
    const admZipPath = require.resolve('adm-zip', {
      paths: [path.dirname(require.resolve('ask-cli/package.json'))],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const AdmZip = require(admZipPath) as new (file: string) => {
      getEntries(): { entryName: string }[];
      extractAllTo(target: string): void;
    };
    const archive = new AdmZip(build.file);
    // Each language but English is a file of its own (its content and i18next resources).
    const languageFiles = ['de', 'es', 'fr'].map((language) => `language-${language}.js`);
    const files = ['index.js', 'dynamodb.js', 'screens.js', 'i18next.js', ...languageFiles];
    expect(archive.getEntries().map((e) => e.entryName)).toEqual(files.flatMap((f) => [f, `${f}.map`]));
    const unpacked = path.join(work, 'unpacked');
    archive.extractAllTo(unpacked);
    for (const file of files) {
      expect(readFileSync(path.join(unpacked, file))).toEqual(readFileSync(path.join(BUILD.lambdaDir, file)));
    }

    // Run the unpacked handler in a fresh Node process, as Lambda would (`index.handler`).
    // The DynamoDB store is a file of its own in the zip, loaded only with DYNAMODB_TABLE: it must
    // load from the unpacked folder alone, with the AWS SDK inside it.
    const store = `const { DynamoDbPersistenceAdapter } = require(${JSON.stringify(path.join(unpacked, 'dynamodb.js'))});
      process.stdout.write(typeof DynamoDbPersistenceAdapter);`;
    const loaded = await run(process.execPath, ['-e', store], {
      env: { PATH: process.env.PATH ?? '', NODE_PATH: '' },
      cwd: unpacked,
    });
    expect(loaded.stdout).toBe('function');
    const script = `const { handler } = require(${JSON.stringify(path.join(unpacked, 'index.js'))});
      Promise.all(JSON.parse(process.argv[1]).map((e) => handler(e))).then((r) => process.stdout.write(JSON.stringify(r)));`;
    const requests: RequestEnvelope[] = [
      launchRequest(),
      intentRequest(model, 'FindPointIntent', { point: 'b l twenty three' }),
      // German from the unpacked folder alone: its language file is in the zip.
      launchRequest({ locale: 'de-DE' }),
    ];
    const { stdout } = await run(process.execPath, ['-e', script, JSON.stringify(requests)], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent' },
    });
    const [launch, find, german] = (JSON.parse(stdout) as ResponseEnvelope[]).map((response) =>
      toTurn(response),
    );
    expect(launch.speech).toMatch(/^Welcome to Pressure Point Guide/);
    expect(find.speech).toMatch(/^Sea of Vitality, B L 23/);
    expect(german.speech).toMatch(/^Willkommen beim Druckpunkt-Ratgeber/);
  });
});
