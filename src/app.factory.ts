import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { urlencoded } from 'express';
import { join } from 'node:path';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppLogger } from './common/app-logger';
import { DomainError } from './common/domain-error';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { toFieldErrors } from './common/validation';
import { requestBody } from './common/request-body';
import { INPUT_WORKBOOK_PATH, inputUpload } from './input-workbook/input-upload';
import { AppConfig, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ERRORS } from './config/app-config';
import { registerViewHelpers } from './web/view-helpers';

/** The project's root, from src/ under ts-jest as from dist/ after a build. */
const PROJECT_ROOT = join(__dirname, '..');

/**
 * Builds the HTTP application: body parsing, validation, Swedish errors and the OpenAPI
 * description at /api/docs. Used by `npm start` and by the end-to-end tests alike.
 */
export async function createHttpApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app: NestExpressApplication = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'server'), {
    bodyParser: false,
    abortOnError: false,
    logger: options.logger === false ? false : new AppLogger(),
  });
  // Security headers on every answer; CORS stays off (no other site's page may call the API) unless configured.
  // No upgrade-insecure-requests: the server speaks plain HTTP on 127.0.0.1 (TLS, if any, is the proxy's),
  // and some browsers would otherwise fetch /api/docs' scripts over https from it.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins && config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.set('trust proxy', false);
  // The API takes JSON in UTF-8 only; import documents are read as text, so that broken
  // JSON gets the importer's own message (with line and column).
  app.use(requestBody({ limitBytes: config.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, textPaths: ['/api/import'], under: '/api', binaryPaths: [INPUT_WORKBOOK_PATH] }));
  // The web pages' forms (SPEC 8): server-rendered Handlebars views and one stylesheet.
  app.use(urlencoded({ extended: false, limit: '1mb' }));
  // The input workbook's upload from its page (multipart), read before the guard checks the form's CSRF token.
  app.use(inputUpload(config.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES));
  app.setBaseViewsDir(join(PROJECT_ROOT, 'templates', 'pages'));
  app.setViewEngine('hbs');
  registerViewHelpers();
  app.useStaticAssets(join(PROJECT_ROOT, 'public'), { prefix: '/static/', maxAge: '1h' });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      // No transform: a param such as the year stays text until its own pipe reads it.
      transform: false,
      exceptionFactory: (errors) => DomainError.invalid('Värdena kunde inte sparas.', toFieldErrors(errors)),
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter(config.maxErrors ?? DEFAULT_MAX_ERRORS));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Verksamhetsuppföljning')
      .setDescription(
        'Uppföljning av nämndernas mål, indikatorer, aktiviteter och budget: tertialrapporter och verksamhetsberättelse.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Token från POST /api/auth/login' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  return app;
}
